module example.test/oldlib

go 1.19
