package main

import (
	"go/ast"
	"strings"
)

// flag: golib's go.flag (simlab/translate/golib/_flag.py) models a FlagSet that
// parses the arguments the program hands it. The package's top-level functions
// are a run's without arguments, rendered in expr.go (libraryCall).

// flagKinds: the kinds of value a FlagSet defines flags of (Int, and IntVar).
var flagKinds = map[string]bool{"Int": true, "Int64": true, "Uint": true, "Uint64": true,
	"String": true, "Bool": true, "Float64": true, "Duration": true}

// flagCall renders a call of one of flag's functions that make a set (name:
// flag.NewFlagSet), or returns false.
func (f *fn) flagCall(c *ast.CallExpr, name string) (string, bool) {
	if name == "flag.NewFlagSet" {
		return "go.flag.FlagSet(" + f.args(c) + ")", true
	}
	return "", false
}

// flagMethod renders a call of a method of flag's types (key: flag.FlagSet.Int),
// or returns false for one it does not model.
func (f *fn) flagMethod(c *ast.CallExpr, key, recv string) (string, bool, bool) {
	typ, method, _ := strings.Cut(strings.TrimPrefix(key, "flag."), ".")
	switch typ {
	case "FlagSet":
		if flagKinds[strings.TrimSuffix(method, "Var")] {
			return recv + "." + method + "(" + f.args(c) + ")", false, true // fs.Int, fs.IntVar(&x, ...)
		}
		switch method {
		case "Parse": // it may exit, or call a Set or a Usage of the program's that blocks
			out, _ := f.yieldExpr("yield from " + recv + ".Parse(" + f.args(c) + ")")
			return out, true, true
		case "Visit", "VisitAll":
			each := f.calledAtOnce(c, c.Args[0], "a FlagSet."+method+" whose function blocks", "a function that only reads the flag")
			return recv + "." + method + "(" + each + ")", false, true
		case "Var", "Func", "BoolFunc", "Args", "NArg", "Arg", "NFlag", "Parsed", "Lookup", "Set",
			"PrintDefaults", "SetOutput", "Output", "Name", "ErrorHandling", "Init":
			return recv + "." + method + "(" + f.args(c) + ")", false, true
		}
	case "Value", "Getter":
		switch method {
		case "String", "Set", "Get":
			return recv + "." + method + "(" + f.args(c) + ")", false, true
		}
	}
	return "", false, false
}
