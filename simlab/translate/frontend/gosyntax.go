package main

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strings"
)

// fmt's %#v prints a value in Go syntax, a literal of its type: main.P{X:1},
// []int(nil), map[string]int{"a":1}. A run keeps few static types (an int is an
// int, a list does not know it is a []int), so each operand of %#v goes to fmt as
// go.GoSyntax(descriptor, value), the descriptor its static type as golib's
// _gosyntax reads it: a basic type's name ("int", "uint8": a named number's
// underlying one), a struct class of the program (whose go_syntax, which
// goSyntaxClasses writes, holds its Go name and its fields' descriptors), or a
// tuple: ("slice", name, elem), ("array", name, elem), ("map", name, key, elem),
// ("ptr", name, elem), ("iface", name), ("struct", name, fields), ("gostring",
// class, descriptor) for a type with a GoString method and ("format", class,
// descriptor) for one with a Format method.

// usesGoSyntax: a string constant of the program holds %#v (a format, as far as
// the translation can tell). Only then do nil slices keep their nil (see
// findNilSlices) and the classes their go_syntax.
func (m *module) usesGoSyntax() bool {
	p := m.p
	if m.goSyntax == 0 {
		m.goSyntax = -1
		for _, tv := range p.info.Types {
			if tv.Value != nil && tv.Value.Kind() == constant.String && goSyntax.MatchString(constant.StringVal(tv.Value)) {
				m.goSyntax = 1
				break
			}
		}
	}
	return m.goSyntax > 0
}

// goSyntaxOperands: the operands (counted after the format) that a constant
// format prints under %#v, or what about it the translation does not model.
func goSyntaxOperands(format string) (map[int]bool, string) {
	ops := map[int]bool{}
	arg, n := 0, len(format)
	for i := 0; i < n; i++ {
		if format[i] != '%' {
			continue
		}
		i++
		flags := ""
		for i < n && strings.IndexByte("+-# 0", format[i]) >= 0 {
			flags += format[i : i+1]
			i++
		}
		sized := false // a width or a precision
		number := func() {
			switch {
			case i < n && format[i] == '[':
				ops = nil // an explicit index: refused below, if the format has %#v
				for i < n && format[i] != ']' {
					i++
				}
				i++
			case i < n && format[i] == '*':
				arg++ // the operand is the width or the precision
				sized = true
				i++
			default:
				for i < n && format[i] >= '0' && format[i] <= '9' {
					sized = true
					i++
				}
			}
		}
		number()
		if i < n && format[i] == '.' {
			i++
			sized = true
			number()
		}
		if i < n && format[i] == '[' {
			ops = nil
			for i < n && format[i] != ']' {
				i++
			}
			i++
		}
		if i >= n {
			break
		}
		if format[i] == '%' {
			continue
		}
		if format[i] == 'v' && strings.Contains(flags, "#") {
			if ops == nil {
				return nil, "%#v in a format with explicit operand indexes"
			}
			if sized || strings.Trim(flags, "+#") != "" {
				return nil, "%#v with a width, a precision or the flags -, 0 or space"
			}
			ops[arg] = true
		}
		arg++
	}
	if ops == nil {
		return nil, "%#v in a format with explicit operand indexes"
	}
	return ops, ""
}

// goSyntaxArgs: the operands of a fmt call (after its format) that it prints
// under %#v; the call is refused if the translation cannot give their types.
func (f *fn) goSyntaxArgs(c *ast.CallExpr) map[int]bool {
	if len(c.Args) == 0 {
		return nil
	}
	v := f.p.info.Types[c.Args[0]].Value
	if v == nil || v.Kind() != constant.String || !goSyntax.MatchString(constant.StringVal(v)) {
		return nil
	}
	ops, why := goSyntaxOperands(constant.StringVal(v))
	if why == "" && c.Ellipsis.IsValid() {
		why = "%#v of operands spread from a slice (xs...)"
	}
	for i := range ops {
		if i+1 < len(c.Args) {
			if _, multi := f.p.info.TypeOf(c.Args[i+1]).(*types.Tuple); multi {
				why = "%#v of a call's several results"
			}
		}
	}
	if why != "" {
		f.p.unsupported(c, why, "%#v of each operand written out, with nothing between % and v but # and +")
	}
	return ops
}

// goSyntaxArg renders the operand a of %#v: go.GoSyntax(descriptor, value).
func (f *fn) goSyntaxArg(a ast.Expr) string {
	delete(f.p.ifaceValues, a) // the descriptor says what it is
	t := f.p.info.TypeOf(a)
	return "go.GoSyntax(" + f.m.goSyntaxType(t, a) + ", " + f.value(a) + ")"
}

// goSyntaxType: the descriptor of the type t of an operand of %#v at the node at,
// or the translation refused in one line.
func (m *module) goSyntaxType(t types.Type, at ast.Node) string {
	if b, ok := t.(*types.Basic); ok && b.Info()&types.IsUntyped != 0 && b.Kind() != types.UntypedNil {
		t = types.Default(t)
	}
	name := ""
	if sl, ok := types.Unalias(t).(*types.Slice); ok && types.Identical(sl.Elem(), types.Typ[types.Byte]) {
		name = "[]byte" // fmt's own case for a []byte operand; inside a value, []uint8
	}
	d, why := m.goSyntaxDesc(t, name, true, false, map[string]bool{})
	if why != "" {
		m.p.unsupported(at, "%#v of "+why, "%v, or %+v for field names")
	}
	for _, empty := range []bool{true, false} {
		if !m.holdsInterface(t, empty, true, map[types.Type]bool{}) {
			continue
		}
		if conv := m.nilToInterface(empty); conv != nil {
			if m.classHoldsInterface(t, empty, true, map[types.Type]bool{}) {
				m.p.unsupported(at, fmt.Sprintf("%%#v of a struct holding an interface, in a program that converts a pointer or a func that may be nil to an interface (line %d): "+
					"simlab's interface holds nil there, Go's the typed nil", m.p.line(conv)), "%v, which prints both <nil>")
			}
			// simlab's interface holds nil where Go's may hold a typed nil: golib
			// prints a value it holds, and ends the run in one line at a nil
			return strings.ReplaceAll(d, `("iface", `, fmt.Sprintf(`("iface?", %d, `, m.p.line(conv)))
		}
	}
	return d
}

// goSyntaxDesc: the descriptor of t, spelled name (reflect's spelling if ""), or
// why %#v cannot print it. top: the operand itself, a pointer prints what it
// points to; plain: t's GoString method is set aside (golib's inner descriptor);
// inline: the generic and anonymous struct types being described, by name.
func (m *module) goSyntaxDesc(t types.Type, name string, top, plain bool, inline map[string]bool) (string, string) {
	t = types.Unalias(t)
	if name == "" {
		name = reflectType(t)
	}
	if isTime(t) {
		return `"time.Time"`, "" // its GoString: time.Date(2024, time.July, 4, ...)
	}
	if !plain {
		if d, why, ok := m.goStringDesc(t, name, top, inline); ok {
			return d, why
		}
	}
	switch u := t.(type) {
	case *types.Basic:
		if u.Info()&types.IsUntyped != 0 && u.Kind() == types.UntypedNil {
			return `("iface", "interface {}")`, ""
		}
		if u.Info()&(types.IsInteger|types.IsFloat|types.IsComplex|types.IsString|types.IsBoolean) == 0 || u.Info()&types.IsUntyped != 0 {
			return "", "a " + name
		}
		return pyString(types.Typ[u.Kind()].Name()), "" // byte is uint8, rune int32
	case *types.Named:
		switch under := u.Underlying().(type) {
		case *types.Basic:
			return m.goSyntaxDesc(under, "", top, true, inline) // a named number prints as its number
		case *types.Struct:
			if u.Obj().Pkg() == nil || !m.p.ours(u.Obj().Pkg()) {
				return "", "a " + name + ", a struct of the standard library"
			}
			if u.TypeArgs().Len() > 0 || m.localGeneric[u.Obj()] != nil {
				return m.inlineStruct(under, name, inline)
			}
			if _, why := m.goSyntaxFields(u.Obj()); why != "" {
				return "", why
			}
			return m.globals[u.Obj()], ""
		case *types.Interface:
			return `("iface", ` + pyString(name) + ")", ""
		case *types.Chan, *types.Signature:
			return "", "a " + name
		}
		if inline["holds:"+name] {
			// type Nested []Nested: its descriptor would hold itself
			return "", "a " + name + ", a type that holds itself"
		}
		inline["holds:"+name] = true
		defer delete(inline, "holds:"+name)
		return m.composite(u.Underlying(), name, top, inline)
	case *types.Struct:
		return m.inlineStruct(u, name, inline)
	case *types.Interface:
		return `("iface", ` + pyString(name) + ")", ""
	case *types.TypeParam:
		return "", "a value of the type parameter " + u.Obj().Name() + " (a run does not keep its type argument)"
	case *types.Chan:
		return "", "a channel"
	case *types.Signature:
		return "", "a func"
	}
	return m.composite(t, name, top, inline)
}

// composite: the descriptor of a pointer, slice, array or map type (or a named
// one's underlying type, spelled name).
func (m *module) composite(t types.Type, name string, top bool, inline map[string]bool) (string, string) {
	switch u := t.(type) {
	case *types.Pointer:
		elem := "None" // inside a value, a pointer prints its address
		switch under(u.Elem()).(type) {
		case *types.Struct, *types.Array, *types.Slice, *types.Map:
			if top { // the operand itself: &main.P{...}
				d, why := m.goSyntaxDesc(u.Elem(), "", false, true, inline)
				if why != "" {
					return "", why
				}
				elem = d
			}
		}
		return `("ptr", ` + pyString(name) + ", " + elem + ")", ""
	case *types.Slice, *types.Array:
		kind := "slice"
		if _, ok := u.(*types.Array); ok {
			kind = "array"
		}
		elem, why := m.goSyntaxDesc(u.(interface{ Elem() types.Type }).Elem(), "", false, false, inline)
		if why != "" {
			return "", why
		}
		return "(" + pyString(kind) + ", " + pyString(name) + ", " + elem + ")", ""
	case *types.Map:
		key, why := m.goSyntaxDesc(u.Key(), "", false, false, inline)
		if why != "" {
			return "", why
		}
		elem, why := m.goSyntaxDesc(u.Elem(), "", false, false, inline)
		if why != "" {
			return "", why
		}
		return `("map", ` + pyString(name) + ", " + key + ", " + elem + ")", ""
	}
	return "", "a " + name
}

// goStringDesc: for a type whose values have a GoString method, which fmt calls,
// ("gostring", class, descriptor), or a Format method, which fmt calls first,
// ("format", class, descriptor); ok false for another type.
func (m *module) goStringDesc(t types.Type, name string, top bool, inline map[string]bool) (string, string, bool) {
	if types.IsInterface(t) {
		return "", "", false // what it holds may have one: golib looks
	}
	kind := "gostring"
	sel := types.NewMethodSet(t).Lookup(nil, "GoString")
	if isFormatter(t) {
		kind, sel = "format", types.NewMethodSet(t).Lookup(nil, "Format") // fmt calls Format first, under %#v too
	}
	if sel == nil {
		return "", "", false
	}
	fn, ok := sel.Obj().(*types.Func)
	if !ok {
		return "", "", false
	}
	if sig := fn.Type().(*types.Signature); kind == "gostring" &&
		(sig.Params().Len() != 0 || sig.Results().Len() != 1 || !isBasicKind(sig.Results().At(0).Type(), types.String)) {
		return "", "", false // not fmt.GoStringer's
	}
	n := namedOf(t)
	if n == nil || n.Obj().Pkg() == nil || !m.p.ours(n.Obj().Pkg()) {
		return "", "a " + name + ", whose " + fn.Name() + " method is the standard library's", true
	}
	if u := m.a.byFunc[fn.Origin()]; u != nil && u.gen {
		return "", "a " + name + " whose " + fn.Name() + " method blocks", true
	}
	if _, isStruct := n.Underlying().(*types.Struct); !isStruct && n.TypeArgs().Len() > 0 {
		return "", "a " + name + ", a generic type's value with a " + fn.Name() + " method", true
	}
	inner, why := m.goSyntaxDesc(t, name, top, true, inline)
	if why != "" {
		return "", why, true
	}
	return "(" + pyString(kind) + ", " + m.globals[n.Obj()] + ", " + inner + ")", "", true
}

// inlineStruct: a struct type described field by field where it is printed: an
// anonymous one, or an instance of a generic one (whose class serves every
// instance).
func (m *module) inlineStruct(st *types.Struct, name string, inline map[string]bool) (string, string) {
	if inline[name] {
		return "", "a " + name + " that holds itself"
	}
	inline[name] = true
	defer delete(inline, name)
	fields, why := m.fieldDescs(st, inline)
	if why != "" {
		return "", "a " + name + ", " + why
	}
	return `("struct", ` + pyString(name) + ", " + fields + ")", ""
}

// fieldDescs: a struct's fields as a Python dict, each Go name and its
// descriptor, or why %#v cannot print one.
func (m *module) fieldDescs(st *types.Struct, inline map[string]bool) (string, string) {
	var parts []string
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if f.Name() == "_" {
			return "", "a struct with a blank field (_)"
		}
		d, why := m.goSyntaxDesc(f.Type(), "", false, false, inline)
		if why != "" {
			return "", "whose field " + f.Name() + " is " + why
		}
		parts = append(parts, pyString(f.Name())+": "+d)
	}
	return "{" + strings.Join(parts, ", ") + "}", ""
}

// goSyntaxFields: the fields of the program's struct type tn as its class's
// go_syntax holds them, or why %#v cannot print them; a type being described
// (one that holds itself, through a slice) has no reason of its own.
func (m *module) goSyntaxFields(tn *types.TypeName) (string, string) {
	if m.syntaxFields == nil {
		m.syntaxFields = map[*types.TypeName][2]string{}
	}
	if done, ok := m.syntaxFields[tn]; ok {
		return done[0], done[1]
	}
	m.syntaxFields[tn] = [2]string{}
	fields, why := m.fieldDescs(tn.Type().Underlying().(*types.Struct), map[string]bool{})
	if why != "" {
		why = "a " + reflectType(tn.Type()) + ", " + why
	}
	m.syntaxFields[tn] = [2]string{fields, why}
	return fields, why
}

// goSyntaxClasses writes, after the classes, what golib's %#v reads of them: a
// struct class's go_syntax, its Go name and its fields' descriptors (or what %#v
// cannot print in it: an interface may still hold one), and a named number's or
// string's type. Only a program that uses %#v has them.
func (m *module) goSyntaxClasses() {
	if !m.usesGoSyntax() {
		return
	}
	var lines []string
	for _, ts := range m.typeSpecs() {
		tn := m.p.info.Defs[ts.Name].(*types.TypeName)
		if ts.Assign.IsValid() || ts.TypeParams != nil || m.localGeneric[tn] != nil {
			continue
		}
		switch u := tn.Type().Underlying().(type) {
		case *types.Basic:
			if m.basics[tn] {
				d, _ := m.goSyntaxDesc(u, "", false, true, nil)
				lines = append(lines, m.globals[tn]+".go_syntax = "+d)
			}
		case *types.Struct:
			fields, why := m.goSyntaxFields(tn)
			lines = append(lines, m.globals[tn]+".go_syntax = "+syntaxOf(reflectType(tn.Type()), fields, why))
		}
	}
	var anon []string
	seen := map[string]bool{}
	for st, class := range m.anon {
		if !seen[class] {
			seen[class] = true
			fields, why := m.fieldDescs(st, map[string]bool{})
			if why != "" {
				why = "a " + reflectType(st) + ", " + why
			}
			anon = append(anon, class+".go_syntax = "+syntaxOf(reflectType(st), fields, why))
		}
	}
	sort.Strings(anon)
	lines = append(lines, anon...)
	if len(lines) == 0 {
		return
	}
	m.emit("")
	m.emit("")
	m.emit("# %%#v: each struct's Go name and its fields' types, each named number's or string's type")
	for _, l := range lines {
		m.emit("%s", l)
	}
}

// syntaxOf: a struct class's go_syntax, its name and fields, or the reason.
func syntaxOf(name, fields, why string) string {
	if why != "" {
		return pyString(why)
	}
	return "(" + pyString(name) + ", " + fields + ")"
}

// nilToInterface: where the program converts a pointer or a func that may be
// nil to an empty interface (empty) or another, which then holds nil, not Go's
// typed nil (see findInterfaceValues, which marks a pointer to the program's
// struct for a non-empty one), but for the printers' operands, which print both
// <nil>; nil if it never does.
func (m *module) nilToInterface(empty bool) ast.Node {
	i := 0
	if !empty {
		i = 1
	}
	if m.nilConv == nil {
		m.nilConv = m.nilConversions()
	}
	return m.nilConv[i]
}

// nilConversions: the first conversion nilToInterface looks for, to an empty
// interface and to another.
func (m *module) nilConversions() []ast.Node {
	p := m.p
	assigned := map[types.Object][]ast.Expr{} // each value a variable is given (nil: unknown)
	for _, file := range p.files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.AssignStmt:
				for i, l := range x.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						var v ast.Expr
						if len(x.Lhs) == len(x.Rhs) && (x.Tok == token.DEFINE || x.Tok == token.ASSIGN) {
							v = x.Rhs[i]
						}
						assigned[p.info.ObjectOf(id)] = append(assigned[p.info.ObjectOf(id)], v)
					}
				}
			case *ast.ValueSpec:
				for i, id := range x.Names {
					var v ast.Expr
					if len(x.Names) == len(x.Values) {
						v = x.Values[i]
					}
					assigned[p.info.Defs[id]] = append(assigned[p.info.Defs[id]], v)
				}
			case *ast.UnaryExpr:
				if id, ok := ast.Unparen(x.X).(*ast.Ident); ok && x.Op == token.AND {
					assigned[p.info.ObjectOf(id)] = append(assigned[p.info.ObjectOf(id)], nil) // written through
				}
			case *ast.RangeStmt:
				for _, e := range []ast.Expr{x.Key, x.Value} {
					if id, ok := e.(*ast.Ident); ok {
						assigned[p.info.ObjectOf(id)] = append(assigned[p.info.ObjectOf(id)], nil)
					}
				}
			}
			return true
		})
	}
	var never func(e ast.Expr, depth int) bool // e is never nil
	never = func(e ast.Expr, depth int) bool {
		switch x := ast.Unparen(e).(type) {
		case *ast.UnaryExpr:
			return x.Op == token.AND // &x, &T{}
		case *ast.FuncLit:
			return true
		case *ast.CallExpr:
			return calleeName(p, x) == "new"
		case *ast.Ident:
			switch obj := p.info.Uses[x].(type) {
			case *types.Func:
				return true
			case *types.Var:
				if depth > 2 || obj.Parent() == nil || obj.Parent() == obj.Pkg().Scope() {
					return false // a field, a parameter's... or a package's variable
				}
				values := assigned[obj]
				for _, v := range values {
					if v == nil || !never(v, depth+1) {
						return false
					}
				}
				return len(values) > 0
			}
		}
		return false
	}
	found := []ast.Node{nil, nil}
	p.assignments(func(e ast.Expr, t types.Type) {
		if t == nil || !types.IsInterface(t) || p.printed[e] || p.info.Types[e].IsNil() || p.mayBeTypedNil(e, t) {
			return
		}
		switch under(p.info.TypeOf(e)).(type) {
		case *types.Pointer, *types.Signature:
		default:
			return
		}
		if never(e, 0) {
			return
		}
		i := 0
		if !under(t).(*types.Interface).Empty() {
			i = 1
		}
		if found[i] == nil || e.Pos() < found[i].Pos() {
			found[i] = e
		}
	})
	return found
}

// classHoldsInterface: holdsInterface, through a field of a named struct type,
// whose descriptor is its class's go_syntax, not the operand's.
func (m *module) classHoldsInterface(t types.Type, empty, top bool, seen map[types.Type]bool) bool {
	return m.reachesInterface(t, empty, top, true, seen)
}

// holdsInterface: %#v of a value of type t prints a value of an empty interface
// type (any), or of another (error); top: t is the operand's, a pointer prints
// what it points to.
func (m *module) holdsInterface(t types.Type, empty, top bool, seen map[types.Type]bool) bool {
	return m.reachesInterface(t, empty, top, false, seen)
}

// reachesInterface: holdsInterface, or with viaClass only through a named struct
// type's field (classHoldsInterface).
func (m *module) reachesInterface(t types.Type, empty, top, viaClass bool, seen map[types.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch u := under(t).(type) {
	case *types.Interface:
		return !viaClass && u.Empty() == empty
	case *types.Pointer:
		return top && m.reachesInterface(u.Elem(), empty, false, viaClass, seen)
	case *types.Slice:
		return m.reachesInterface(u.Elem(), empty, false, viaClass, seen)
	case *types.Array:
		return m.reachesInterface(u.Elem(), empty, false, viaClass, seen)
	case *types.Map:
		return m.reachesInterface(u.Key(), empty, false, viaClass, seen) || m.reachesInterface(u.Elem(), empty, false, viaClass, seen)
	case *types.Struct:
		if _, named := types.Unalias(t).(*types.Named); named && viaClass {
			return m.holdsInterface(t, empty, false, map[types.Type]bool{})
		}
		for i := 0; i < u.NumFields(); i++ {
			if m.reachesInterface(u.Field(i).Type(), empty, false, viaClass, seen) {
				return true
			}
		}
	}
	return false
}
