// Command tool is installed with "go install example.test/tool@v1.0.0", so its main module has a version.
package main

import (
	"os"

	"example.test/greet"
)

func main() { os.Stdout.WriteString(greet.Hello("tool") + "\n") }
