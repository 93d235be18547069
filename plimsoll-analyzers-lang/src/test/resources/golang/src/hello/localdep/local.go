// Package localdep is replaced by a directory.
package localdep

// Name names it.
const Name = "local"
