pub fn id() -> &'static str { "fixture-greet 1.2.3" }
