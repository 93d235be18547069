// Package lib is a fork of example.test/oldlib, used through a replace directive.
package lib

// Answer returns the answer.
func Answer() int { return 42 }
