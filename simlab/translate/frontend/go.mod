module simlab.local/frontend

go 1.22
