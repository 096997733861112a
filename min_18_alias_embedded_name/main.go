package main

import "fmt"

type Point struct{ X int }
type Coord = Point

type Located struct{ Coord }

func main() {
	l := Located{Coord{1}}
	fmt.Println(l.Coord)
}
