package main

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"sort"
	"strings"
	"unicode"
)

// isUnicodeMapIndex: e indexes one of unicode's maps, unicode.Scripts[name] of a
// name known at run time.
func isUnicodeMapIndex(p *program, e ast.Expr) bool {
	ix, ok := ast.Unparen(e).(*ast.IndexExpr)
	if !ok {
		return false
	}
	sel, ok := ast.Unparen(ix.X).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	v, ok := p.info.Uses[sel.Sel].(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == "unicode"
}

// unicode.Is and unicode.In read Go's range tables (a script, a category, a
// property), which Python's unicodedata does not have for scripts. The front end
// is built with Go's unicode package, so it writes each table a program names into
// the model, from the toolchain that built it: unicode_Han = go.RangeTable(...).

// unicodeAliases: the long names of category tables, and their categories.
var unicodeAliases = map[string]string{
	"Letter": "L", "Upper": "Lu", "Lower": "Ll", "Title": "Lt", "Mark": "M", "Number": "N",
	"Digit": "Nd", "Punct": "P", "Symbol": "S", "Space": "Z",
}

// unicodeTable: the range table package unicode names name (a script, a category
// or a property), or nil.
func unicodeTable(name string) *unicode.RangeTable {
	if c, ok := unicodeAliases[name]; ok {
		name = c
	}
	if t, ok := unicode.Categories[name]; ok {
		return t
	}
	if t, ok := unicode.Scripts[name]; ok {
		return t
	}
	return unicode.Properties[name]
}

// unicodeTableName: the name of the table e stands for, unicode.Han or
// unicode.Scripts["Han"] (a constant key), or "".
func (f *fn) unicodeTableName(e ast.Expr) string {
	p := f.p
	switch x := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		if v, ok := p.info.Uses[x.Sel].(*types.Var); ok && v.Pkg() != nil && v.Pkg().Path() == "unicode" && unicodeTable(x.Sel.Name) != nil {
			return x.Sel.Name
		}
	case *ast.IndexExpr:
		sel, ok := ast.Unparen(x.X).(*ast.SelectorExpr)
		key := p.info.Types[x.Index].Value
		if ok && key != nil && key.Kind() == constant.String {
			if v, ok := p.info.Uses[sel.Sel].(*types.Var); ok && v.Pkg() != nil && v.Pkg().Path() == "unicode" {
				name := constant.StringVal(key)
				if t := map[string]map[string]*unicode.RangeTable{"Scripts": unicode.Scripts, "Categories": unicode.Categories,
					"Properties": unicode.Properties}[sel.Sel.Name]; t != nil && t[name] != nil && unicodeAliases[name] == "" {
					return name
				}
			}
		}
	}
	return ""
}

// unicodeTableRef renders the table e stands for: the model's constant, which
// unicodeTables writes, or a variable of the program holding one (every table a
// program can reach but through unicode's maps is one it names); a table of
// unicode.Scripts picked at run time is refused.
func (f *fn) unicodeTableRef(e ast.Expr, at ast.Node) string {
	name := f.unicodeTableName(e)
	if name == "" {
		if isNamed(f.p.info.TypeOf(e), "unicode", "RangeTable") && !isUnicodeMapIndex(f.p, e) {
			return f.value(e) // a variable holding one of the tables the program names
		}
		f.p.unsupported(at, "a unicode range table known only at run time", "unicode.Han, or unicode.Scripts[\"Han\"] with a constant key")
	}
	if f.m.unicode == nil {
		f.m.unicode = map[string]bool{}
	}
	f.m.unicode[name] = true
	return "unicode_" + name
}

// unicodeTables writes, at the module's end, each range table the program names:
// its ranges (low, high, stride) as Go's unicode package has them.
func (m *module) unicodeTables() {
	var names []string
	for name := range m.unicode {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		t := unicodeTable(name)
		var ranges []string
		for _, r := range t.R16 {
			ranges = append(ranges, fmt.Sprintf("(0x%04x, 0x%04x, %d)", r.Lo, r.Hi, r.Stride))
		}
		for _, r := range t.R32 {
			ranges = append(ranges, fmt.Sprintf("(0x%04x, 0x%04x, %d)", r.Lo, r.Hi, r.Stride))
		}
		m.emit("")
		m.emit("")
		m.emit("unicode_%s = go.RangeTable(  # unicode.%s: Go's ranges (low, high, stride)", name, name)
		for i := 0; i < len(ranges); i += 4 {
			m.emit("    %s,", strings.Join(ranges[i:min(i+4, len(ranges))], ", "))
		}
		m.emit(")")
	}
}
