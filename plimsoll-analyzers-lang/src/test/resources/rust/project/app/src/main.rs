fn main() { println!("{} {} {}", app_core::id(), fixture_greet::id(), fixture_util::id()); }
