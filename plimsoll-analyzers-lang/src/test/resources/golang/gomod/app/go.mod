// Hand-written in Go's go.mod syntax (see README.md): every directive the analyzer must read or pass over.
module github.com/acme/app

go 1.22.1

toolchain go1.22.5

godebug default=go1.21

require (
	github.com/google/uuid v1.6.0
	github.com/sirupsen/logrus v1.9.0 // a comment that is not "indirect"
	"golang.org/x/sys" v0.20.0 // indirect
	golang.org/x/text v0.14.0 // indirect; kept by hand
	github.com/old/lib v1.2.0
	github.com/local/thing v0.0.0-20240102030405-abcdefabcdef
)

require `github.com/spf13/cobra` v1.8.0

exclude github.com/google/uuid v1.5.0

replace github.com/old/lib => github.com/new/lib v1.3.1

replace (
	github.com/local/thing v0.0.0-20240102030405-abcdefabcdef => ../thing
	golang.org/x/sys v0.19.0 => golang.org/x/sys v0.18.0 // another version: does not apply
)

retract (
	v1.0.0 // published by mistake
	[v1.1.0, v1.1.5]
)

tool golang.org/x/tools/cmd/stringer
