fn main() { let _ = fixture_build::id(); }
