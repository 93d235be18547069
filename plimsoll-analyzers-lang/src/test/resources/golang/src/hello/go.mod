module example.test/hello

go 1.19

require (
	example.test/greet v1.2.3
	example.test/localdep v0.3.0
	example.test/oldlib v1.0.0
)

replace (
	example.test/localdep v0.3.0 => ./localdep
	example.test/oldlib v1.0.0 => example.test/newlib v1.1.0
)
