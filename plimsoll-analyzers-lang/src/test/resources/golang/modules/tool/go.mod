module example.test/tool

go 1.19

require example.test/greet v1.2.3
