pub fn id() -> &'static str { "fixture-build 0.1.0" }
