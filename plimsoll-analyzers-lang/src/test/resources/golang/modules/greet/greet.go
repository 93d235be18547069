// Package greet is a tiny module for the Go build-information tests.
package greet

// Hello greets someone.
func Hello(name string) string { return "hello, " + name }
