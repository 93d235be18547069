# Reference answers from RubyGems itself for GemReferenceTest. One JSON array per input line, one answer per
# output line:
#   ["V", text]            -> "ok <Gem::Version#to_s>" or "err"
#   ["C", a, b]            -> "-1", "0", "1" (a <=> b) or "err"
#   ["R", requirement, v]  -> "true"/"false" (Gem::Requirement#satisfied_by?) or "errreq"/"errver"
# A requirement is split on every comma, empty pieces kept, as the Java side does (RubySec writes
# "~> 5.2.4, >= 5.2.4.3"); a blank piece is an error there and here.
require 'json'
require 'rubygems'

def version(text)
  Gem::Version.new(text)
rescue ArgumentError
  nil
end

def requirement(text)
  pieces = text.split(",", -1)
  return nil if pieces.empty?
  Gem::Requirement.new(*pieces)
rescue ArgumentError
  nil
end

$stdin.set_encoding(Encoding::UTF_8)
$stdin.each_line do |line|
  command, *args = JSON.parse(line)
  answer =
    case command
    when "V"
      v = version(args[0])
      v ? "ok #{v}" : "err"
    when "C"
      a = version(args[0])
      b = version(args[1])
      a && b ? (a <=> b).to_s : "err"
    when "R"
      r = requirement(args[0])
      v = version(args[1])
      if r.nil? then "errreq"
      elsif v.nil? then "errver"
      else r.satisfied_by?(v).to_s
      end
    else
      raise "unknown command #{command}"
    end
  puts answer
end
