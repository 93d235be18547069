pub fn id() -> &'static str { "fixture-util 0.3.0" }
