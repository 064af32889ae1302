module github.com/embedis/embedis

go 1.23
