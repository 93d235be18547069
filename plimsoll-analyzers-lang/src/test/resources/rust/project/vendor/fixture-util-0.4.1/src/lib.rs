pub fn id() -> &'static str { "fixture-util 0.4.1" }
