// Reference answers from golang.org/x/mod itself (Debian's golang-golang-x-mod-dev), for GoSemverReferenceTest.
// Built offline at test time in GOPATH mode against /usr/share/gocode. One question per line on stdin: two
// hex-encoded versions separated by a space. One answer per line:
//   <IsValid(a)> <IsValid(b)> <Compare(a, b)> <IsPseudoVersion(a)> <IsPseudoVersion(b)> <hex Canonical(a)>
// with booleans as 1/0 (Canonical of an invalid version is empty, printed as "-").
package main

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"os"
	"strings"

	"golang.org/x/mod/module"
	"golang.org/x/mod/semver"
)

func bit(b bool) int {
	if b {
		return 1
	}
	return 0
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		fields := strings.Split(in.Text(), " ")
		if len(fields) != 2 {
			fmt.Fprintln(out, "bad-question")
			continue
		}
		a, errA := hex.DecodeString(fields[0])
		b, errB := hex.DecodeString(fields[1])
		if errA != nil || errB != nil {
			fmt.Fprintln(out, "bad-question")
			continue
		}
		v, w := string(a), string(b)
		canonical := hex.EncodeToString([]byte(semver.Canonical(v)))
		if canonical == "" {
			canonical = "-"
		}
		fmt.Fprintln(out, bit(semver.IsValid(v)), bit(semver.IsValid(w)), semver.Compare(v, w),
			bit(module.IsPseudoVersion(v)), bit(module.IsPseudoVersion(w)), canonical)
	}
}
