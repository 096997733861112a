package main

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
)

// typeNils records the type each untyped nil takes from where it stands, which
// go/types leaves untyped. A nil map or slice is not None.
func (p *program) typeNils() {
	p.nils = map[*ast.Ident]types.Type{}
	p.assignments(func(e ast.Expr, t types.Type) {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok || t == nil {
			return
		}
		if _, isNil := p.info.Uses[id].(*types.Nil); isNil {
			p.nils[id] = t
		}
	})
}

// findInterfaceValues records the values converted to an interface where they
// stand that need a mark the translation would not have: a struct value (var s
// Shape = Rect{3, 4}), whose copy go.as_value marks as a value, which a pointer to
// a struct, the same object at run time, is not; a value of a named slice, map or
// func type with methods, or a pointer to one, which its class holds (byAge(x)); a
// sized integer or a float32, which go.Int64(x) marks as not an int; a value of a
// named number or string type, which its class marks (see namedBasic); a value of
// a type parameter, which go.boxed marks where its type argument is a sized number;
// a value of the program's own type converted to context.Context, which
// go.CustomContext holds for the context package.
func (p *program) findInterfaceValues() {
	p.ifaceValues = map[ast.Expr]bool{}
	p.ifaceNils = map[ast.Expr]bool{}
	p.ifaceSync = map[ast.Expr]string{}
	p.ifaceContexts = map[ast.Expr]bool{}
	p.ifaceFuncs = map[ast.Expr]bool{}
	p.ifaceSlices = map[ast.Expr]bool{}
	p.findPrintedOperands()
	p.findPrintWrapperArgs()
	p.findJSONTargets()
	libraryArgs := map[ast.Expr]bool{} // the operands of the library's calls but fmt's
	fmtArgs := map[ast.Expr]bool{}
	for _, file := range p.files {
		ast.Inspect(file, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok {
				if sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr); ok {
					if fn, ok := p.info.Uses[sel.Sel].(*types.Func); ok && fn.Pkg() != nil && !p.ours(fn.Pkg()) {
						for _, a := range c.Args {
							if fn.Pkg().Path() == "fmt" {
								fmtArgs[a] = true
							} else {
								libraryArgs[a] = true
							}
						}
					}
				}
			}
			return true
		})
	}
	mayBeNil := p.libraryPointersMayBeNil()
	// json.Marshal of a func in an interface fails naming its type: go.TypedFunc keeps it
	asserted := p.assertedTypes()
	funcsAsserted := slices.ContainsFunc(asserted, func(t types.Type) bool {
		_, fn := under(t).(*types.Signature)
		return fn && !p.isNamedValue(t)
	}) || slices.ContainsFunc(p.imports(), func(pkg *types.Package) bool {
		return pkg.Path() == "encoding/json"
	})
	p.assignments(func(e ast.Expr, t types.Type) {
		if t == nil || !types.IsInterface(t) || p.info.Types[e].IsNil() {
			return
		}
		if _, target := t.(*types.TypeParam); target && isTypeParam(p.info.TypeOf(e)) {
			return // append(S{}, s...) of an S ~[]E: a value of the type parameter, no interface
		}
		from := p.info.TypeOf(e)
		if isStructValueType(from) || isEmptyStruct(from) || sizedClass(from) != "" || typedLiteral(p, e) || p.namedBasic(from) ||
			isNamed(from, "encoding/json", "Number") && !isPointer(from) {
			p.ifaceValues[e] = true
		}
		if !p.isNamedValue(from) && sortSlice(from) == "" && !p.printed[e] && (p.lastHolder(e) || newFromLibrary(p, e) ||
			p.printWrapperArgs[e] && (isSliceType(from) || mapElem(from) != nil)) {
			p.ifaceValues[e], p.ifaceSlices[e] = true, true // return out: go.typed(out, "[]int")
		}
		if _, ok := under(from).(*types.Array); ok && !p.isNamedValue(from) && !p.printed[e] {
			p.ifaceValues[e], p.ifaceSlices[e] = true, true // m[grid] of a map[any]int: go.typed(a copy, "[2]int")
		}
		ptr, isPtr := from.(*types.Pointer)
		if isPtr {
			from = ptr.Elem()
		}
		if p.isNamedValue(from) || sortSlice(from) != "" {
			p.ifaceValues[e] = true
		}
		if isPtr && libraryBasicClass(from) != "" {
			p.ifaceValues[e] = true // var p any = &lvl of a slog.Level: go.BasicPointer
		}
		if it, ok := under(t).(*types.Interface); ok && isPtr && p.namedBasic(from) && (!it.Empty() ||
			(hasFmtMethod(p.info.TypeOf(e)) || slices.ContainsFunc(asserted, func(a types.Type) bool { return types.Identical(a, ptr) })) && !libraryArgs[e]) {
			// a *level as a flag.Value, or as any where *level has a String or Error
			// method, which fmt calls: go.BasicPointer (else a go.Ref, which
			// errors.As(err, &code) and json.Unmarshal(b, &lv) write through)
			p.ifaceValues[e] = true
		}
		if isNamed(t, "context", "Context") && !types.IsInterface(p.info.TypeOf(e)) {
			if n := namedOf(p.info.TypeOf(e)); n != nil && p.ours(n.Obj().Pkg()) {
				p.ifaceValues[e], p.ifaceContexts[e] = true, true // go.CustomContext
			}
		}
		if p.jsonTargets[e] {
			p.ifaceValues[e] = true // go.json.held: the pointer and its type's descriptor
		}
		if cls := p.syncInInterface(e, t); cls != "" {
			p.ifaceValues[e], p.ifaceSync[e] = true, cls // the value's methods by their Go names
		}
		if _, ok := p.info.TypeOf(e).(*types.TypeParam); ok && !p.printed[e] && !isTypeParam(t) {
			p.ifaceValues[e] = true // go.boxed: an int8 that a generic holds keeps its type
		}
		if p.mayBeTypedNil(e, t) && !p.ifaceContexts[e] { // go.CustomContext of nil: a nil dereference
			p.ifaceValues[e], p.ifaceNils[e] = true, true
		}
		if typedNilLibraryClass(p.info.TypeOf(e)) != "" && !libraryArgs[e] && !fmtArgs[e] && !p.printed[e] && mayBeNil(e) {
			// var w io.Writer = buf of a nil *bytes.Buffer: not nil (a library call
			// dereferences it, as Go's does)
			p.ifaceValues[e], p.ifaceNils[e] = true, true
		}
		if _, isFunc := under(p.info.TypeOf(e)).(*types.Signature); isFunc && funcsAsserted && !p.printed[e] &&
			!p.isNamedValue(p.info.TypeOf(e)) && !p.ifaceValues[e] {
			p.ifaceValues[e], p.ifaceFuncs[e] = true, true // go.TypedFunc: its type, for x.(T)
		}
	})
}

// assertedTypes: the types the program's type assertions and type switch cases
// name (x.(func() int), case *level:).
func (p *program) assertedTypes() []types.Type {
	var found []types.Type
	add := func(e ast.Expr) {
		if tv, ok := p.info.Types[e]; ok && tv.IsType() {
			found = append(found, tv.Type)
		}
	}
	for _, file := range p.files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.TypeAssertExpr:
				if x.Type != nil {
					add(x.Type)
				}
			case *ast.TypeSwitchStmt:
				for _, cl := range x.Body.List {
					for _, e := range cl.(*ast.CaseClause).List {
						add(e)
					}
				}
			}
			return true
		})
	}
	return found
}

// findNilSafeMethods records the methods made to run on a nil pointer receiver
// (below): a call of one is Tree.Sum(t.Left), which a nil receiver reaches, where
// t.Left.Sum() would be an attribute of None.
func (p *program) findNilSafeMethods() {
	p.nilSafe = map[*types.Func]bool{}
	type method struct {
		fn   *types.Func
		recv types.Object // nil where the receiver has no name
		body *ast.BlockStmt
	}
	var methods []method
	for _, file := range p.files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv == nil || fd.Body == nil {
				continue
			}
			fn, _ := p.info.Defs[fd.Name].(*types.Func)
			if fn == nil || !isPointer(fn.Type().(*types.Signature).Recv().Type()) {
				continue
			}
			var recv types.Object
			if names := fd.Recv.List[0].Names; len(names) > 0 {
				recv = p.info.Defs[names[0]]
			}
			methods = append(methods, method{fn, recv, fd.Body})
		}
	}
	// a method that never reads its receiver runs on a nil one (func (t *Tracer)
	// Name() string); so does one that compares it with nil, or hands it to a
	// method that does first (if !t.enabled() { return }), to a fixpoint, or uses it
	// as a value but as the operand of a field or a method; and one that defers a
	// call, which runs, as Go's, when the method panics on its nil receiver (a
	// deferred recover catches it there)
	for _, m := range methods {
		for _, st := range m.body.List {
			if _, ok := st.(*ast.DeferStmt); ok {
				p.nilSafe[m.fn] = true
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, m := range methods {
			if p.nilSafe[m.fn] {
				continue
			}
			isRecv := func(e ast.Expr) bool {
				id, ok := ast.Unparen(e).(*ast.Ident)
				return ok && m.recv != nil && p.info.Uses[id] == m.recv
			}
			used, safe := false, false
			bases := map[*ast.Ident]bool{} // t in t.f, t.M() and *t: a read that needs t
			ast.Inspect(m.body, func(n ast.Node) bool {
				switch x := n.(type) {
				case *ast.SelectorExpr, *ast.StarExpr:
					base := ast.Expr(nil) // t.f, t.M() and *t need a t that is not nil
					if sel, ok := x.(*ast.SelectorExpr); ok {
						base = sel.X
					} else {
						base = x.(*ast.StarExpr).X
					}
					if id, ok := ast.Unparen(base).(*ast.Ident); ok && isRecv(id) {
						bases[id] = true
					}
				case *ast.Ident:
					used = used || isRecv(x)
					if isRecv(x) && !bases[x] {
						// e := t, &List{next: t}, c == o, f(t): the receiver goes on as a
						// value, which the method may test (for e := n; e != nil)
						safe = true
					}
				case *ast.BinaryExpr:
					if (x.Op == token.EQL || x.Op == token.NEQ) &&
						(isRecv(x.X) && p.info.Types[x.Y].IsNil() || isRecv(x.Y) && p.info.Types[x.X].IsNil()) {
						safe = true
					}
				case *ast.CallExpr:
					if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && isRecv(sel.X) {
						if s := p.info.Selections[sel]; s != nil && len(s.Index()) == 1 {
							if fn, ok := s.Obj().(*types.Func); ok && p.nilSafe[fn.Origin()] {
								safe = true
							}
						}
					}
				}
				return true
			})
			if safe || !used {
				p.nilSafe[m.fn], changed = true, true
			}
		}
	}
}

// findPrintedOperands records the operands of the calls of fmt, log, log/slog
// and testing, which print what they are given and keep nothing.
func (p *program) findPrintedOperands() {
	p.printed = map[ast.Expr]bool{}
	for _, file := range p.files {
		ast.Inspect(file, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok {
				name := calleeName(p, c)
				for _, pkg := range []string{"fmt.", "log.", "log/slog.", "testing."} {
					if strings.HasPrefix(name, pkg) {
						for _, a := range c.Args {
							p.printed[a] = true
						}
					}
				}
			}
			return true
		})
	}
}

// findPrintWrapperArgs records the operands of each call to one of the program's
// functions that only hands its ...any parameter, spread, to fmt or log (func
// logf(format string, args ...any) { log.Printf(format, args...) }), or an any
// parameter as one of fmt's or log's operands (func show(v any) {
// fmt.Printf("%+v\n", v) }): fmt prints them, so a slice or a map among them
// goes into its interface with its type (go.typed), as a printed operand's static
// type tells fmt: [{1}], not a pointer. The copy go.typed makes is only read, by
// that print.
func (p *program) findPrintWrapperArgs() {
	p.printWrapperArgs = map[ast.Expr]bool{}
	wrappers := map[*types.Func]int{}   // each wrapper: the index of its ...any parameter
	printers := map[*types.Func][]int{} // each printer: the indexes of its any parameters fmt prints
	p.eachFuncDecl(func(fd *ast.FuncDecl, fn *types.Func) {
		sig := fn.Type().(*types.Signature)
		for i := 0; i < sig.Params().Len(); i++ {
			if param := sig.Params().At(i); !(sig.Variadic() && i == sig.Params().Len()-1) && isAnyType(param.Type()) && p.onlyPrinted(fd.Body, param) {
				printers[fn] = append(printers[fn], i)
			}
		}
		if !sig.Variadic() {
			return
		}
		last := sig.Params().At(sig.Params().Len() - 1)
		if it, ok := under(last.Type().(*types.Slice).Elem()).(*types.Interface); !ok || !it.Empty() {
			return
		}
		spread, uses := 0, 0
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Ident:
				if p.info.Uses[n] == last {
					uses++
				}
			case *ast.CallExpr:
				if !n.Ellipsis.IsValid() {
					break
				}
				name := calleeName(p, n)
				if id, ok := ast.Unparen(n.Args[len(n.Args)-1]).(*ast.Ident); ok && p.info.Uses[id] == last &&
					(strings.HasPrefix(name, "fmt.") || strings.HasPrefix(name, "log.")) {
					spread++ // fmt.Printf(format, args...)
				}
			}
			return true
		})
		if uses > 0 && uses == spread {
			wrappers[fn] = sig.Params().Len() - 1
		}
	})
	for _, file := range p.files {
		ast.Inspect(file, func(n ast.Node) bool {
			c, ok := n.(*ast.CallExpr)
			if !ok || c.Ellipsis.IsValid() {
				return true
			}
			if at, ok := wrappers[p.staticCallee(c)]; ok {
				for _, a := range c.Args[min(at, len(c.Args)):] {
					p.printWrapperArgs[a] = true
				}
			}
			for _, at := range printers[p.staticCallee(c)] {
				p.printWrapperArgs[c.Args[at]] = true
			}
			return true
		})
	}
}

// isAnyType: t is an empty interface type (any, interface{}), not a type parameter.
func isAnyType(t types.Type) bool {
	if _, tp := t.(*types.TypeParam); tp {
		return false
	}
	it, ok := under(t).(*types.Interface)
	return ok && it.Empty()
}

// onlyPrinted: every use of v in body is an operand of a call of fmt's or log's.
func (p *program) onlyPrinted(body *ast.BlockStmt, v *types.Var) bool {
	uses, printed := 0, 0
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if p.info.Uses[n] == v {
				uses++
			}
		case *ast.CallExpr:
			if name := calleeName(p, n); strings.HasPrefix(name, "fmt.") || strings.HasPrefix(name, "log.") {
				for _, a := range n.Args {
					if id, ok := ast.Unparen(a).(*ast.Ident); ok && p.info.Uses[id] == v {
						printed++
					}
				}
			}
		}
		return true
	})
	return uses > 0 && uses == printed
}

// eachFuncDecl calls visit with each function and method declaration of the
// program that has a body, and its object.
func (p *program) eachFuncDecl(visit func(fd *ast.FuncDecl, fn *types.Func)) {
	for _, file := range p.files {
		for _, d := range file.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				visit(fd, p.info.Defs[fd.Name].(*types.Func))
			}
		}
	}
}

// findJSONTargets records the operands &v (v no struct) of each call to one of
// the program's functions that hands the any parameter there to json.Unmarshal
// or a json.Decoder's Decode (func decode(raw []byte, dst any) error { return
// json.Unmarshal(raw, dst) }): the interface holds a go.Ref, which keeps no type
// for the decoder, so it is given one that does (go.json.held).
func (p *program) findJSONTargets() {
	p.jsonTargets = map[ast.Expr]bool{}
	decoders := map[*types.Func][]int{} // each such function: the indices of those parameters
	p.eachFuncDecl(func(fd *ast.FuncDecl, fn *types.Func) {
		params := fn.Type().(*types.Signature).Params()
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			c, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			at := -1
			switch calleeName(p, c) {
			case "encoding/json.Unmarshal":
				at = 1
			case "encoding/json.Decode":
				at = 0
			}
			if at < 0 || at >= len(c.Args) {
				return true
			}
			if id, ok := ast.Unparen(c.Args[at]).(*ast.Ident); ok {
				for i := 0; i < params.Len(); i++ {
					if params.At(i) == p.info.Uses[id] && types.IsInterface(params.At(i).Type()) {
						decoders[fn] = append(decoders[fn], i)
					}
				}
			}
			return true
		})
	})
	for _, file := range p.files {
		ast.Inspect(file, func(n ast.Node) bool {
			c, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			for _, i := range decoders[p.staticCallee(c)] {
				if i >= len(c.Args) {
					continue
				}
				// (a struct, an anonymous one too, is its own pointer, which go.json reads;
				// a type parameter's is whatever its type argument makes it)
				if ptr, ok := p.info.TypeOf(c.Args[i]).(*types.Pointer); ok && !isStructType(ptr.Elem()) && !hasTypeParam(ptr.Elem()) {
					p.jsonTargets[c.Args[i]] = true // decode(raw, &names) of a []string
				}
			}
			return true
		})
	}
}

// namedBasic: t is a named number or string type of the program, whose values
// are instances of its class where Go converts them to an interface (var x any =
// level + 1: Level(level + 1)), so that what the interface holds keeps its type:
// for %T, a type switch, its String method, and %#v (0x4 for an unsigned one).
func (p *program) namedBasic(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || !p.ours(n.Obj().Pkg()) {
		return false
	}
	b, ok := n.Underlying().(*types.Basic)
	return ok && pyBase(b) != ""
}

// findElementValues records the values the program stores in a slice, an array
// or a map, as an element or a key, whose type there is a named number or string
// type with a String or Error method (see stringerBasic). fmt prints such a
// container's elements by that method, so each must be an instance of the type's
// class, which an arithmetic result is not: []Cents{c / 3} renders
// [Cents(go.quo(c, Cents(3)))]. A struct's fields need no mark, as its class names
// them in go_stringers; an assignment with an operator to an element (parts[0] +=
// 3) is opAssign's (see elemClass). An assignment through a pointer (*c = -*c)
// may store in an element (h[0].Neg()).
func (p *program) findElementValues() {
	p.elemValues = map[ast.Expr]bool{}
	mark := func(e ast.Expr, t types.Type) {
		if p.stringerBasic(t) {
			p.elemValues[e] = true
		}
	}
	visit := func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.CompositeLit:
			switch t := under(p.info.TypeOf(x)).(type) {
			case *types.Slice, *types.Array:
				elem := t.(interface{ Elem() types.Type }).Elem()
				for _, el := range x.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						el = kv.Value // [...]Cents{2: x}: the key is an index
					}
					mark(el, elem)
				}
			case *types.Map:
				for _, el := range x.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						mark(kv.Key, t.Key())
						mark(kv.Value, t.Elem())
					}
				}
			}
		case *ast.CallExpr:
			if sig := p.funcValueCalled(x); sig != nil && !sig.Variadic() && !x.Ellipsis.IsValid() && len(x.Args) == sig.Params().Len() {
				for i, arg := range x.Args {
					mark(arg, sig.Params().At(i).Type()) // yield(cur): slices.Collect keeps what it is given
				}
			}
			if fn := calledFunc(p, x); fn != nil && !x.Ellipsis.IsValid() {
				// Slice(s) of a func Slice[K any](k K) []K: the generic keeps a Suit
				sig := fn.Origin().Type().(*types.Signature)
				for i, arg := range x.Args {
					if i < sig.Params().Len() && (!sig.Variadic() || i < sig.Params().Len()-1) {
						if _, generic := sig.Params().At(i).Type().(*types.TypeParam); generic {
							mark(arg, p.info.TypeOf(arg))
						}
					}
				}
			}
			if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok && !x.Ellipsis.IsValid() && len(x.Args) > 1 {
				if b, ok := p.info.Uses[id].(*types.Builtin); ok && b.Name() == "append" {
					if s, ok := under(p.info.TypeOf(x)).(*types.Slice); ok {
						for _, arg := range x.Args[1:] {
							mark(arg, s.Elem())
						}
					}
				}
			}
		case *ast.AssignStmt:
			for i, l := range x.Lhs {
				if _, star := ast.Unparen(l).(*ast.StarExpr); star && x.Tok == token.ASSIGN && len(x.Lhs) == len(x.Rhs) {
					mark(x.Rhs[i], p.info.TypeOf(l)) // *c = *c * 2 of a c that may point to an element
				}
				ix, ok := ast.Unparen(l).(*ast.IndexExpr)
				if !ok {
					continue
				}
				if m, ok := under(p.info.TypeOf(ix.X)).(*types.Map); ok {
					mark(ix.Index, m.Key()) // m[c / 2] = true
				}
				if x.Tok == token.ASSIGN && len(x.Lhs) == len(x.Rhs) {
					mark(x.Rhs[i], p.info.TypeOf(l))
				}
			}
		case *ast.FuncDecl, *ast.FuncLit:
			// func(c Card) Suit { return c.Suit } as GroupBy's key: the generic keeps
			// what it returns
			var body *ast.BlockStmt
			var sig *types.Signature
			if fd, ok := x.(*ast.FuncDecl); ok && fd.Body != nil {
				body, sig = fd.Body, p.info.Defs[fd.Name].Type().(*types.Signature)
			} else if fl, ok := x.(*ast.FuncLit); ok {
				body, sig = fl.Body, p.info.TypeOf(fl).(*types.Signature)
			}
			if body != nil {
				ast.Inspect(body, func(n ast.Node) bool {
					if r, ok := n.(*ast.ReturnStmt); ok && len(r.Results) == sig.Results().Len() {
						for i, e := range r.Results {
							mark(e, sig.Results().At(i).Type())
						}
					}
					_, nested := n.(*ast.FuncLit)
					return !nested
				})
			}
		case *ast.IncDecStmt:
			if ix, ok := ast.Unparen(x.X).(*ast.IndexExpr); ok {
				if m, ok := under(p.info.TypeOf(ix.X)).(*types.Map); ok {
					mark(ix.Index, m.Key())
				}
			}
		}
		return true
	}
	for _, f := range p.files {
		ast.Inspect(f, visit)
	}
}

// calledFunc: the declared function or method of the program that the call x
// calls (Slice(s), q.Push(v)), or nil.
func calledFunc(p *program, x *ast.CallExpr) *types.Func {
	var id *ast.Ident
	switch f := ast.Unparen(x.Fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	case *ast.IndexExpr:
		id = identOf(f.X) // Slice[Suit](s)
	}
	if id == nil {
		return nil
	}
	fn, ok := p.info.Uses[id].(*types.Func)
	if !ok || fn.Pkg() == nil || !p.ours(fn.Pkg()) {
		return nil
	}
	return fn
}

// funcValueCalled: the signature of the function value call x calls (yield(v),
// h.onEvent(e)), where what runs may be the library's (an iterator's consumer,
// slices.Collect) and keep the arguments; nil for a call of a declared function.
func (p *program) funcValueCalled(x *ast.CallExpr) *types.Signature {
	var obj types.Object
	switch f := ast.Unparen(x.Fun).(type) {
	case *ast.Ident:
		obj = p.info.Uses[f]
	case *ast.SelectorExpr:
		if s := p.info.Selections[f]; s != nil && s.Kind() == types.FieldVal {
			obj = s.Obj()
		}
	}
	if _, ok := obj.(*types.Var); !ok {
		return nil
	}
	sig, _ := under(obj.Type()).(*types.Signature)
	return sig
}

// stringerBasic: t is a named number or string type of the program (namedBasic)
// whose String or Error method fmt calls for a value of it in a slice, an array or
// a map; a method with a pointer receiver it does not call there.
func (p *program) stringerBasic(t types.Type) bool {
	return p.namedBasic(t) && hasFmtMethod(t)
}

// libraryPointersMayBeNil: whether a pointer of the library's types (see
// typedNilLibraryClass) may be nil where it stands: not &x, new(T) or what a
// function of the library returns (bytes.NewBuffer, log.New), nor a variable
// that only ever holds those; a parameter, a field, an element, what a function
// of the program or a method returns may be.
func (p *program) libraryPointersMayBeNil() func(e ast.Expr) bool {
	done := map[*types.Var]bool{}
	nilable := map[*types.Var]bool{}
	var may func(e ast.Expr) bool
	may = func(e ast.Expr) bool {
		switch x := ast.Unparen(e).(type) {
		case *ast.UnaryExpr:
			return x.Op != token.AND
		case *ast.CallExpr:
			if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok && id.Name == "new" {
				_, builtin := p.info.Uses[id].(*types.Builtin)
				return !builtin
			}
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
				fn, ok := p.info.Uses[sel.Sel].(*types.Func)
				isFunc := ok && fn.Pkg() != nil && !p.ours(fn.Pkg()) && fn.Type().(*types.Signature).Recv() == nil
				return !isFunc
			}
			return true
		case *ast.Ident:
			v, ok := p.info.Uses[x].(*types.Var)
			if !ok {
				return true
			}
			values, known := p.assignedValues(v) // b, err := f(), or var b *bytes.Buffer: unknown
			if !known || len(values) == 0 {
				return true
			}
			if !done[v] {
				done[v] = true // a cycle (b = c; c = b) adds nothing
				nilable[v] = slices.ContainsFunc(values, may)
			}
			return nilable[v]
		}
		return true
	}
	return may
}

// mayBeTypedNil: e, a pointer to a struct of the program that may be nil, becomes
// an interface (an error, a Msg, any), which then holds (*T)(nil) and is not nil:
// the "nil error that is not nil". An operand of fmt, log or testing is left as
// it is, as they print a nil pointer and a nil interface alike, <nil>, unless
// fmt calls its String or Error method.
func (p *program) mayBeTypedNil(e ast.Expr, to types.Type) bool {
	ptr, ok := p.info.TypeOf(e).(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(ptr.Elem()).(*types.Named) // *R of type R = T[int] too
	if !ok || !p.ours(n.Obj().Pkg()) {
		return false
	}
	if _, isStruct := n.Underlying().(*types.Struct); !isStruct {
		return false
	}
	if it, ok := to.Underlying().(*types.Interface); !ok || it.Empty() && p.printed[e] && !hasFmtMethod(ptr) {
		return false
	}
	if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.AND {
		return false // &T{...}: never nil
	}
	return true
}

// assignments calls set with each value the program assigns and the type of
// where it goes, Go's assignability contexts: an argument and its parameter's
// type, a returned value and its result's, an element of a composite literal and
// its field's or element's, an assigned or sent value and its destination's, a
// map key and the map's key type, an operand of == and the other's type.
func (p *program) assignments(set func(e ast.Expr, t types.Type)) {
	var sigs []*types.Signature // of the functions around the node
	var visit func(n ast.Node) bool
	inside := func(sig *types.Signature, body *ast.BlockStmt) {
		if body != nil {
			sigs = append(sigs, sig)
			ast.Inspect(body, visit)
			sigs = sigs[:len(sigs)-1]
		}
	}
	visit = func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncDecl:
			sig, _ := p.info.Defs[x.Name].Type().(*types.Signature)
			inside(sig, x.Body)
			return false
		case *ast.FuncLit:
			sig, _ := p.info.TypeOf(x).(*types.Signature)
			inside(sig, x.Body)
			return false
		case *ast.ReturnStmt:
			if sig := sigs[len(sigs)-1]; sig != nil && sig.Results().Len() == len(x.Results) {
				for i, e := range x.Results {
					set(e, sig.Results().At(i).Type())
				}
			}
		case *ast.CallExpr:
			p.assignedArgs(x, set)
		case *ast.CompositeLit:
			p.assignedElements(x, set)
		case *ast.AssignStmt:
			if x.Tok == token.ASSIGN && len(x.Lhs) == len(x.Rhs) {
				for i, l := range x.Lhs {
					set(x.Rhs[i], p.info.TypeOf(l))
				}
			}
		case *ast.ValueSpec:
			if x.Type != nil {
				for _, v := range x.Values {
					set(v, p.info.TypeOf(x.Type))
				}
			}
		case *ast.SendStmt:
			if ch, ok := under(p.info.TypeOf(x.Chan)).(*types.Chan); ok {
				set(x.Value, ch.Elem())
			}
		case *ast.IndexExpr:
			if m, ok := under(p.info.TypeOf(x.X)).(*types.Map); ok {
				set(x.Index, m.Key())
			}
		case *ast.BinaryExpr:
			// == and != convert an operand to the other's interface type
			if x.Op == token.EQL || x.Op == token.NEQ {
				set(x.X, p.info.TypeOf(x.Y))
				set(x.Y, p.info.TypeOf(x.X))
			}
		case *ast.SwitchStmt:
			// each case's value is compared with the tag as == compares them
			if x.Tag != nil {
				for _, st := range x.Body.List {
					for _, e := range st.(*ast.CaseClause).List {
						set(e, p.info.TypeOf(x.Tag))
						set(x.Tag, p.info.TypeOf(e))
					}
				}
			}
		}
		return true
	}
	for _, f := range p.files {
		ast.Inspect(f, visit)
	}
}

func (p *program) assignedArgs(c *ast.CallExpr, set func(ast.Expr, types.Type)) {
	if tv, ok := p.info.Types[c.Fun]; !ok || tv.IsType() {
		if ok && types.IsInterface(tv.Type) && len(c.Args) == 1 && !p.info.Types[c.Args[0]].IsNil() {
			set(c.Args[0], tv.Type) // Shape(r): converted as an assignment converts it
		}
		return // a conversion: T(nil) says its type itself
	}
	sig, ok := under(p.info.TypeOf(c.Fun)).(*types.Signature)
	if !ok {
		return
	}
	params := sig.Params()
	for i, arg := range c.Args {
		switch {
		case sig.Variadic() && i >= params.Len()-1:
			last := params.At(params.Len() - 1).Type()
			if c.Ellipsis.IsValid() {
				set(arg, last)
			} else if s, ok := under(last).(*types.Slice); ok {
				set(arg, s.Elem())
			}
		case i < params.Len():
			set(arg, params.At(i).Type())
		}
	}
}

func (p *program) assignedElements(lit *ast.CompositeLit, set func(ast.Expr, types.Type)) {
	value := func(el ast.Expr) ast.Expr {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			return kv.Value
		}
		return el
	}
	lt := p.info.TypeOf(lit)
	if ptr, ok := under(lt).(*types.Pointer); ok {
		lt = ptr.Elem() // an element of a []*T literal with its &T elided: {v: V{2}}
	}
	switch t := under(lt).(type) {
	case *types.Struct:
		for i, el := range lit.Elts {
			kv, keyed := el.(*ast.KeyValueExpr)
			if !keyed {
				if i < t.NumFields() {
					set(el, t.Field(i).Type())
				}
				continue
			}
			if key, ok := kv.Key.(*ast.Ident); ok {
				for j := 0; j < t.NumFields(); j++ {
					if t.Field(j).Name() == key.Name {
						set(kv.Value, t.Field(j).Type())
					}
				}
			}
		}
	case *types.Slice:
		for _, el := range lit.Elts {
			set(value(el), t.Elem())
		}
	case *types.Array:
		for _, el := range lit.Elts {
			set(value(el), t.Elem())
		}
	case *types.Map:
		for _, el := range lit.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				set(kv.Key, t.Key())
			}
			set(value(el), t.Elem())
		}
	}
}

// sizedClass: golib's class of the values of t, a sized or unsigned integer type,
// float32 (not a named one, which has its own class) or time.Duration, held in an
// interface; "" for any other type.
func sizedClass(t types.Type) string {
	if isDuration(t) {
		return "go.Duration" // prints 1.5s, by its String method
	}
	if cls := timeClass(t); cls != "" {
		return cls // var x any = t: prints 2000-01-01 00:00:00 +0000 UTC
	}
	b, ok := t.(*types.Basic)
	if !ok || b.Info()&types.IsUntyped != 0 {
		return ""
	}
	switch b.Kind() {
	case types.Int8, types.Int16, types.Int32, types.Int64, types.Uint, types.Uint8, types.Uint16,
		types.Uint32, types.Uint64, types.Uintptr, types.Float32:
		name := types.Typ[b.Kind()].Name() // uint8 for byte, int32 for rune
		return "go." + strings.ToUpper(name[:1]) + name[1:]
	}
	return ""
}

// libraryBasicClass: golib's class of t, a named number type of the library with
// methods (time.Duration, time.Month, slog.Level), or "".
func libraryBasicClass(t types.Type) string {
	if isDuration(t) {
		return "go.Duration"
	}
	if isTime(t) {
		return ""
	}
	return timeClass(t)
}

// timeClass: the golib class of a time.Time, time.Month, time.Weekday,
// syscall.Signal, slog.Level or slog.Kind value,
// an int whose String method fmt calls where the value's type is not written
// beside it (a struct's field, an interface), or "".
func timeClass(t types.Type) string {
	if isPointer(t) {
		return "" // a *time.Month is a pointer (isNamed would see through it)
	}
	switch {
	case isTime(t):
		return "go.Time"
	case isNamed(t, "time", "Month"):
		return "go.Month"
	case isNamed(t, "time", "Weekday"):
		return "go.Weekday"
	case isNamed(t, "syscall", "Signal"):
		return "go.Signal" // terminated
	case isNamed(t, "io/fs", "FileMode"):
		return "go.FileMode" // drwxr-xr-x
	case isNamed(t, "log/slog", "Level"):
		return "go.slog.Level" // INFO, WARN+1
	case isNamed(t, "log/slog", "Kind"):
		return "go.slog.Kind" // String, Group
	case isNamed(t, "encoding/json", "Delim"):
		return "go.json.Delim" // [
	}
	return ""
}

// newFromLibrary: e is a call of a library function whose result is a new array
// or map that no one else holds (return bytes.Join(parts, sep) from a func
// returning any): the interface may hold it typed, as a literal's.
func newFromLibrary(p *program, e ast.Expr) bool {
	c, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || programCallee(p, c) {
		return false
	}
	switch calleeName(p, c) {
	case "bytes.Join", "bytes.Repeat", "bytes.ToUpper", "bytes.ToLower", "bytes.ToTitle", "bytes.Replace",
		"bytes.ReplaceAll", "bytes.Map", "bytes.Runes", "bytes.Clone", "strings.Split", "strings.SplitN",
		"strings.SplitAfter", "strings.Fields", "strings.FieldsFunc", "slices.Clone", "slices.Concat",
		"slices.Collect", "slices.Sorted", "slices.SortedFunc", "slices.Repeat", "maps.Clone", "maps.Collect":
		return true
	}
	return false
}

// typedLiteral: e is a slice, array or map literal, or a []byte or []rune made of a
// string, which keeps its Go type in an interface (go.typed) since no variable
// holds it.
func typedLiteral(p *program, e ast.Expr) bool {
	if c, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(c.Args) == 1 && p.info.Types[c.Fun].IsType() {
		// []byte(s), []rune(s): a new slice of a type a switch may ask for; and
		// json.RawMessage(s), which encoding/json writes as it is
		_, isSlice := p.info.TypeOf(e).(*types.Slice)
		if isUntypedNil(p.info.TypeOf(c.Args[0])) && !p.isNamedValue(p.info.TypeOf(e)) {
			// []string(nil), map[string]int(nil), Tag(nil): a nil that keeps its type
			switch under(p.info.TypeOf(e)).(type) {
			case *types.Slice, *types.Map:
				return true
			}
		}
		return isSlice && isBasicKind(p.info.TypeOf(c.Args[0]), types.String) || isRawMessage(p.info.TypeOf(e))
	}
	if _, ok := ast.Unparen(e).(*ast.CompositeLit); !ok || p.isNamedValue(p.info.TypeOf(e)) {
		return false
	}
	switch under(p.info.TypeOf(e)).(type) {
	case *types.Slice, *types.Map, *types.Array:
		return true
	}
	return false
}

// lastHolder: e is a slice or a map variable of its function, going into an
// interface at its last use, that alone holds its array or its entries (no other
// variable, field or result shares it; no closure captures it, nothing takes its
// address; no loop will use it again): the interface may hold a copy that keeps
// the Go type for %T, a type switch and an assertion, as a literal's does
// (go.typed).
func (p *program) lastHolder(e ast.Expr) bool {
	if c, ok := ast.Unparen(e).(*ast.CallExpr); ok && p.info.Types[c.Fun].IsType() && len(c.Args) == 1 {
		return p.lastHolder(c.Args[0]) // var x any = []S(ss): ss, at its last use
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	v, _ := p.info.Uses[id].(*types.Var)
	if !ok || v == nil || !isSliceType(v.Type()) && mapElem(v.Type()) == nil || p.packageLevel(v) {
		return false
	}
	path := p.pathOf(id)
	_, body := enclosingFunc(path)
	if body == nil || v.Pos() < body.Pos() || v.Pos() >= body.End() || capturedIn(body, v, p) {
		return false
	}
	for _, n := range path {
		if cc, ok := n.(*ast.CaseClause); ok && p.info.Implicits[cc] == v {
			return false // case map[string]int: x is the map the switch's operand holds
		}
	}
	return p.lastStatement(path, body, v) && p.keptAlone(v, body, id)
}

// keptAlone: every value v takes in body is a new array (nil, make, a literal, a
// conversion, a library function's result from no slice, v's own append), and
// every other use of v only reads or writes its elements, appends to it, prints,
// measures, ranges over or sorts it: nothing but v holds its array.
func (p *program) keptAlone(v *types.Var, body *ast.BlockStmt, conv *ast.Ident) bool {
	var made func(e ast.Expr) bool // a new array: unlike fresh's, nil, v's own append, any library result
	made = func(e ast.Expr) bool {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return p.info.Types[x].IsNil()
		case *ast.CompositeLit:
			return true
		case *ast.CallExpr:
			name := calleeName(p, x)
			if name == "append" {
				return len(x.Args) > 0 && (sameVar(p, x.Args[0], conv) || made(x.Args[0]))
			}
			if name != "make" && !p.info.Types[x.Fun].IsType() && (!strings.Contains(name, ".") || programCallee(p, x)) {
				return false // a function of the program may keep what it returns (g.Cells() too)
			}
			for _, arg := range x.Args {
				if isSliceType(p.info.TypeOf(arg)) && !p.info.Types[arg].IsType() { // make([]int, n) is new
					return false
				}
			}
			return true
		}
		return false
	}
	alone := true
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		id, ok := n.(*ast.Ident)
		if !ok || id == conv || (p.info.Uses[id] != v && p.info.Defs[id] != v) {
			return alone
		}
		switch parent := stack[len(stack)-2].(type) {
		case *ast.AssignStmt:
			for i, l := range parent.Lhs {
				if l == id && len(parent.Lhs) == len(parent.Rhs) {
					alone = alone && made(parent.Rhs[i])
				} else if l == id {
					alone = false // a, b := f(): what the call returns
				}
			}
			if !slices.Contains(parent.Lhs, ast.Expr(id)) {
				alone = false // w := v
			}
		case *ast.ValueSpec:
			if len(parent.Values) > 0 && len(parent.Values) != len(parent.Names) {
				alone = false // var a, b = f()
			}
			for i, name := range parent.Names {
				if name == id && i < len(parent.Values) {
					alone = alone && made(parent.Values[i])
				}
			}
		case *ast.IndexExpr:
			alone = alone && parent.X == id
		case *ast.RangeStmt:
			alone = alone && parent.X == id
		case *ast.SliceExpr: // len(v[:k]), fmt.Printf("%x", v[:2]): measured or printed, kept by no one
			c, measured := stack[len(stack)-3].(*ast.CallExpr)
			name := ""
			if measured {
				name = calleeName(p, c)
			}
			alone = alone && parent.X == id && (name == "len" || name == "cap" || p.printed[parent])
		case *ast.CallExpr:
			name := calleeName(p, parent)
			inPlace := strings.HasPrefix(name, "sort.") || slices.Contains([]string{"slices.Sort", "slices.SortFunc", "slices.SortStableFunc", "slices.Reverse"}, name)
			switch {
			case name == "append" && parent.Args[0] == id, name == "len", name == "cap", name == "delete" && parent.Args[0] == id,
				name == "copy", // copy(buf, "hi"): elements written or read, the array kept by no one
				p.printed[id] && !strings.HasPrefix(name, "testing."):
			case inPlace && len(stack) > 2:
				_, stmt := stack[len(stack)-3].(*ast.ExprStmt)
				alone = alone && stmt
			default:
				alone = false
			}
		default:
			alone = false
		}
		return alone
	})
	return alone
}

// lastStatement: the use of v that ends path is its last: every statement after
// the ones holding it, in each block from v's own down, never uses v, no loop
// inside v's scope holds it, and its statement uses v once.
func (p *program) lastStatement(path []ast.Node, body *ast.BlockStmt, v *types.Var) bool {
	uses := func(nodes ...ast.Stmt) int {
		count := 0
		for _, n := range nodes {
			ast.Inspect(n, func(x ast.Node) bool {
				if x, ok := x.(*ast.Ident); ok && p.info.Uses[x] == v {
					count++
				}
				return true
			})
		}
		return count
	}
	inside := false
	for i, n := range path {
		if n == body {
			inside = true
		}
		if !inside || i+1 == len(path) {
			continue
		}
		list := stmtList(n)
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			if n.Pos() > v.Pos() {
				return false
			}
		}
		for j, st := range list {
			if st != path[i+1] {
				continue
			}
			if uses(list[j+1:]...) > 0 {
				return false
			}
			if innermostStmt(path) == st && uses(st) > 1 {
				return false
			}
		}
	}
	return true
}

// stmtList: the statements n holds as a list: a block's, a case's or a select
// case's; nil for any other node.
func stmtList(n ast.Node) []ast.Stmt {
	switch n := n.(type) {
	case *ast.BlockStmt:
		return n.List
	case *ast.CaseClause:
		return n.Body
	case *ast.CommClause:
		return n.Body
	}
	return nil
}

// innermostStmt: the last statement of path.
func innermostStmt(path []ast.Node) ast.Stmt {
	for i := len(path) - 1; i >= 0; i-- {
		if s, ok := path[i].(ast.Stmt); ok {
			return s
		}
	}
	return nil
}

// pathOf: the nodes from n's file down to n, n last.
func (p *program) pathOf(n ast.Node) []ast.Node {
	for _, f := range p.files {
		if f.Pos() <= n.Pos() && n.Pos() < f.End() {
			return pathTo(f, n)
		}
	}
	return nil
}

// enclosingFunc: the innermost function declaration or literal of path, and its
// body (nil, nil outside any).
func enclosingFunc(path []ast.Node) (ast.Node, *ast.BlockStmt) {
	for i := len(path) - 1; i >= 0; i-- {
		switch n := path[i].(type) {
		case *ast.FuncDecl:
			return n, n.Body
		case *ast.FuncLit:
			return n, n.Body
		}
	}
	return nil, nil
}

// pathTo: the nodes from root down to n, n last.
func pathTo(root, n ast.Node) []ast.Node {
	var path, stack []ast.Node
	ast.Inspect(root, func(x ast.Node) bool {
		if path != nil {
			return false
		}
		if x == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, x)
		if x == n {
			path = slices.Clone(stack)
		}
		if path != nil || x.Pos() > n.Pos() || n.End() > x.End() {
			stack = stack[:len(stack)-1] // f(nil) follows only the nodes it enters
			return false
		}
		return true
	})
	return path
}

// lockerInInterface: e, a *sync.Mutex or a *sync.RWMutex (or a pointer to a struct
// that embeds one), goes into t, an interface of the program with methods (type
// Locker interface{ Lock(); Unlock() }), whose calls are the methods' by their Go
// names: go.Locker holds it.
func (p *program) lockerInInterface(e ast.Expr, t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || !isLocalInterface(p, n) {
		return false
	}
	it, isIface := n.Underlying().(*types.Interface)
	if !isIface || !slices.ContainsFunc([]string{"Lock", "Unlock", "RLock", "RUnlock", "TryLock", "TryRLock"}, func(name string) bool {
		m, _, _ := types.LookupFieldOrMethod(it, false, nil, name)
		return m != nil
	}) {
		return false // an interface of other methods (Deposit) of a struct that embeds a mutex
	}
	if c, isCall := ast.Unparen(e).(*ast.CallExpr); isCall {
		if sel, isSel := ast.Unparen(c.Fun).(*ast.SelectorExpr); isSel && p.info.Selections[sel] != nil {
			if fn, isFn := p.info.Selections[sel].Obj().(*types.Func); isFn && methodKey(fn) == "sync.RWMutex.RLocker" {
				return true // var l Lock = rw.RLocker(): its Lock is rw's RLock
			}
		}
	}
	ptr, ok := p.info.TypeOf(e).(*types.Pointer)
	return ok && (isNamed(ptr.Elem(), "sync", "Mutex") || isNamed(ptr.Elem(), "sync", "RWMutex")) ||
		promotesLock(p.info.TypeOf(e))
}

// syncInInterface: the class that holds e where it goes into t, an interface of the
// program with methods, so that the interface's calls are the methods by their Go
// names: go.Locker for a mutex (lockerInInterface), go.SyncValue for a
// *sync.WaitGroup or a pointer to a value of sync/atomic (type Counter interface{
// Add(int64) int64 }); "" for another value.
func (p *program) syncInInterface(e ast.Expr, t types.Type) string {
	if p.lockerInInterface(e, t) {
		return "go.Locker"
	}
	if it, isIface := under(t).(*types.Interface); !isIface || it.Empty() || !isLocalInterface(p, types.Unalias(t)) {
		return ""
	}
	ptr, ok := p.info.TypeOf(e).(*types.Pointer)
	if !ok {
		return ""
	}
	if named := namedOf(ptr.Elem()); named != nil && named.Obj().Pkg() != nil &&
		(named.Obj().Pkg().Path() == "sync/atomic" || isNamed(named, "sync", "WaitGroup")) {
		return "go.SyncValue"
	}
	return ""
}

// promotesLock: t's Lock is a sync.Mutex's or a sync.RWMutex's that an embedded
// field promotes (&Account{} of a struct{ sync.Mutex }).
func promotesLock(t types.Type) bool {
	sel := types.NewMethodSet(t).Lookup(nil, "Lock")
	if sel == nil || len(sel.Index()) < 2 {
		return false
	}
	key := methodKey(sel.Obj().(*types.Func))
	return key == "sync.Mutex.Lock" || key == "sync.RWMutex.Lock"
}

// isStructPointer: t is a pointer to a struct type.
func isStructPointer(t types.Type) bool {
	ptr, ok := t.(*types.Pointer)
	if !ok {
		return false
	}
	_, ok = under(ptr.Elem()).(*types.Struct)
	return ok
}

// programCallee: c calls a method of the program's own (g.Row()) or a function
// of another of its packages (store.Keys()), which calleeName names as it names
// a library function (main.Row, example.com/shop/store.Keys).
func programCallee(p *program, c *ast.CallExpr) bool {
	sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	fn, ok := p.info.Uses[sel.Sel].(*types.Func)
	return ok && fn.Pkg() != nil && p.ours(fn.Pkg())
}
