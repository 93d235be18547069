pub fn id() -> &'static str { "core" }
