module example.test/localdep

go 1.19
