// Command hello links three modules: one required plainly, one replaced by another module, one replaced by a
// directory.
package main

import (
	"os"
	"strconv"

	"example.test/greet"
	"example.test/localdep"
	lib "example.test/oldlib"
)

func main() {
	os.Stdout.WriteString(greet.Hello(localdep.Name) + " " + strconv.Itoa(lib.Answer()) + "\n")
}
