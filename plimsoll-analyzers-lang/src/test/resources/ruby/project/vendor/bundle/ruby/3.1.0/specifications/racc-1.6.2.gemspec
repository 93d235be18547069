# -*- encoding: utf-8 -*-
# stub: racc 1.6.2 ruby lib

Gem::Specification.new do |s|
  s.name = "racc".freeze
  s.version = "1.6.2"

  s.required_rubygems_version = Gem::Requirement.new(">= 0".freeze) if s.respond_to? :required_rubygems_version=
  s.require_paths = ["lib".freeze]
  s.authors = ["Fixture".freeze]
  s.date = "2026-11-23"
  s.homepage = "https://example.invalid/racc".freeze
  s.licenses = ["Ruby".freeze, "BSD-2-Clause".freeze]
  s.rubygems_version = "3.3.15".freeze
  s.summary = "Stand-in for racc 1.6.2 (fixture)".freeze

  s.installed_by_version = "3.3.15" if s.respond_to? :installed_by_version
end
