package main

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
)

// sliceAliases groups the program's slice variables, fields, parameters and
// results by the backing arrays they may share in Go: x = y, x = y[a:b], x =
// append(y, v), an argument and its parameter, a returned slice and the call's
// value, a sent slice and a received one, a map or a slice of slices and its
// elements. A slice that reaches an interface, a pointer, a function value or a
// program's function through a value is put with every other such slice of its
// element type ("unknown"). The translation's sub-slice is a copy, so a sub-slice
// is refused where its group's elements are written (refuseSharedSubslices).
type sliceAliases struct {
	p      *program
	parent map[any]any
	// parameters their function only reads, in the one step it takes (it never
	// blocks): an argument shares nothing through one
	readOnly map[*types.Var]bool
	// functions whose result is taken as a new array (see replacingDeletes)
	fresh map[*types.Func]bool
	// locals whose array only they hold (ownArrays): returned, they share no
	// array with the function's other returns
	own map[*types.Var]bool
}

func (p *program) sliceAliases(readOnly, sealed, own map[*types.Var]bool) *sliceAliases {
	a := &sliceAliases{p: p, parent: map[any]any{}, readOnly: readOnly, fresh: p.freshResults(sealed), own: own}
	a.build()
	return a
}

// freshResults: the program's functions whose every return gives a new array of
// flat elements (nil, make, a literal, or a local that sealedSlices finds: var out
// []Span; out = append(out, s); return out), so that xs = drain(xs) does not put
// xs with the slice drain re-slices.
func (p *program) freshResults(sealed map[*types.Var]bool) map[*types.Func]bool {
	found := map[*types.Func]bool{}
	for _, f := range p.files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, _ := p.info.Defs[fd.Name].(*types.Func)
			sig, _ := fn.Type().(*types.Signature)
			if sig == nil || sig.Results().Len() != 1 || sig.Results().At(0).Name() != "" {
				continue
			}
			s, ok := under(sig.Results().At(0).Type()).(*types.Slice)
			if !ok || holdsSlices(s.Elem(), map[types.Type]bool{}) {
				continue
			}
			all := true
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				switch x := n.(type) {
				case *ast.FuncLit:
					return false // its returns are its own
				case *ast.ReturnStmt:
					if len(x.Results) != 1 {
						all = false
						break
					}
					r := ast.Unparen(x.Results[0])
					id, isIdent := r.(*ast.Ident)
					v, _ := p.info.Uses[id].(*types.Var)
					if !p.info.Types[r].IsNil() && !fresh(p, r) && !(isIdent && v != nil && sealed[v]) {
						all = false
					}
				}
				return all
			})
			if all {
				found[fn] = true
			}
		}
	}
	return found
}

// holdsSlices: a value of type t holds a slice, a map or a pointer (whose arrays
// the alias groups follow through its holder), at any depth of its fields and
// elements.
func holdsSlices(t types.Type, seen map[types.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch u := under(t).(type) {
	case *types.Basic:
		return false
	case *types.Array:
		return holdsSlices(u.Elem(), seen)
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if holdsSlices(u.Field(i).Type(), seen) {
				return true
			}
		}
		return false
	}
	return true
}

func (a *sliceAliases) find(n any) any {
	if v, ok := n.(*types.Var); ok && v != nil && v.IsField() {
		n = v.Origin() // h.Items of a Batch[int] is the Items Batch[T]{xs[:k]} fills
	}
	for {
		up, ok := a.parent[n]
		if !ok || up == n {
			return n
		}
		if upper, ok := a.parent[up]; ok {
			a.parent[n] = upper // halve the path
		}
		n = up
	}
}

func (a *sliceAliases) union(x, y any) {
	if x == nil || y == nil {
		return
	}
	rx, ry := a.find(x), a.find(y)
	if rx != ry {
		a.parent[rx] = ry
	}
}

func isSliceType(t types.Type) bool {
	_, ok := under(t).(*types.Slice)
	return ok
}

// unknown: the group of the slices of t's element type whose holders are not
// followed; for a t that is no slice (a map of slices, a pointer), the group of
// the values of type t whose holders are not followed, which is never a slice's
// (a *T is not a []*T).
func unknown(t types.Type) any {
	if s, ok := under(t).(*types.Slice); ok {
		return "unknown " + types.TypeString(s.Elem(), nil)
	}
	return "unknown value " + types.TypeString(t, nil)
}

// source: the group of the backing array e's value may share, or nil for a new
// one (a literal of a flat slice, make, a conversion from a string, the result of
// a standard-library function given no slice).
func (a *sliceAliases) source(e ast.Expr) any {
	p := a.p
	e = ast.Unparen(e)
	if t := p.info.TypeOf(e); !isSliceType(t) {
		if !holdsSliceElems(t) {
			return nil
		}
		// a map or an array of slices (m := map[string][]int{"a": xs[:2]}; m2 := m):
		// the group of the arrays its slices share
		switch x := e.(type) {
		case *ast.CompositeLit:
			return a.literal(x)
		case *ast.Ident, *ast.SelectorExpr:
			if obj := ownerOf(p, x); obj != nil {
				return obj
			}
		}
		return unknown(t)
	}
	switch x := e.(type) {
	case *ast.Ident:
		if p.info.Types[x].IsNil() {
			return nil
		}
		return p.info.ObjectOf(x)
	case *ast.SelectorExpr:
		if obj := ownerOf(p, x); obj != nil {
			return obj
		}
		return unknown(p.info.TypeOf(x))
	case *ast.SliceExpr:
		return a.source(x.X)
	case *ast.IndexExpr:
		return a.elements(x.X)
	case *ast.CompositeLit:
		return a.literal(x)
	case *ast.CallExpr:
		if tv := p.info.Types[x.Fun]; tv.IsType() {
			if len(x.Args) == 1 {
				return a.source(x.Args[0]) // []T(y) is y; []byte(s) is new
			}
			return nil
		}
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
			if s := p.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal && types.IsInterface(s.Recv()) {
				// s.Page(1, 3) through an interface: what any method of the name returns
				g := unknown(p.info.TypeOf(x))
				a.union(g, "method results "+sel.Sel.Name)
				return g
			}
		}
		switch name := calleeName(p, x); {
		case name == "append" && cappedAppend(p, x):
			return nil // append(s[:i:i], ...): a new array
		case name == "append":
			group := a.source(x.Args[0])
			if s, ok := under(p.info.TypeOf(x)).(*types.Slice); ok && isSliceType(s.Elem()) {
				// wins = append(wins, seq[2:6]): wins[0] shares seq's array, as a literal's element does
				for _, arg := range x.Args[1:] {
					if src := a.source(arg); src != nil {
						if group == nil {
							group = src
						}
						a.union(group, src)
					}
				}
			}
			return group
		case name == "make":
			return nil
		case (name == "slices.Clone" || name == "bytes.Clone" || name == "slices.Concat") && !isSliceType(elemType(p.info.TypeOf(x))):
			return nil // a new array (of a [][]T, the rows are shared)
		case strings.Contains(name, ".") && a.callee(x) == nil:
			// a library function (not a method of the program's, g.Row(), whose
			// results are followed below): its result may be a sub-slice of a slice given
			var group any
			for _, arg := range x.Args {
				s := a.source(arg)
				if _, seq := under(p.info.TypeOf(arg)).(*types.Signature); seq && isSliceType(elemType(p.info.TypeOf(x))) {
					// slices.Collect(seq) of an iter.Seq[[]int]: its rows are what each
					// yield was given, a function value's arguments, which are not followed
					s = unknown(elemType(p.info.TypeOf(x)))
				}
				if s != nil {
					if group == nil {
						group = s
					}
					a.union(group, s)
				}
			}
			return group
		}
		if fn := a.callee(x); fn != nil {
			if a.fresh[fn] {
				return nil
			}
			return "result " + fn.FullName()
		}
		return unknown(p.info.TypeOf(x))
	case *ast.UnaryExpr:
		if x.Op == token.ARROW {
			return "received " + types.TypeString(p.info.TypeOf(x), nil)
		}
	}
	return unknown(p.info.TypeOf(e))
}

// holdsSliceElems: t is a map or an array whose elements are slices.
func holdsSliceElems(t types.Type) bool {
	switch u := under(t).(type) {
	case *types.Map:
		return isSliceType(u.Elem())
	case *types.Array:
		return isSliceType(u.Elem())
	}
	return false
}

// literal: the group of the arrays a composite literal's elements share.
func (a *sliceAliases) literal(x *ast.CompositeLit) any {
	lit := fmt.Sprintf("literal %p", x)
	for _, el := range x.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			el = kv.Value
		}
		a.union(lit, a.source(el))
	}
	return lit
}

// elements: the group of the slices held as elements of e (a map or a slice of
// slices): e's own.
func (a *sliceAliases) elements(e ast.Expr) any {
	if obj := ownerOf(a.p, e); obj != nil {
		return obj
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.IndexExpr:
		return a.elements(x.X)
	case *ast.CompositeLit, *ast.CallExpr:
		if s := a.source(x); s != nil {
			return s // range [][]int{xs[:2], xs[2:]}, range split(xs): the arrays they hold
		}
	}
	return unknown(a.p.info.TypeOf(e))
}

// callee: the function of the program a call runs, when it is known statically.
func (a *sliceAliases) callee(c *ast.CallExpr) *types.Func { return a.p.staticCallee(c) }

// staticCallee: the function or method of the program a call runs, when it is
// known statically (not through an interface or a function value): the generic
// one for an instance's call.
func (p *program) staticCallee(c *ast.CallExpr) *types.Func {
	var id *ast.Ident
	switch f := ast.Unparen(c.Fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		if sel := p.info.Selections[f]; sel != nil && (sel.Kind() != types.MethodVal || types.IsInterface(sel.Recv())) {
			return nil
		}
		id = f.Sel
	case *ast.IndexExpr: // F[T](x)
		id = identOf(f.X)
	}
	if id == nil {
		return nil
	}
	if fn, ok := p.info.Uses[id].(*types.Func); ok && p.ours(fn.Pkg()) {
		return fn.Origin()
	}
	return nil
}

func (a *sliceAliases) build() {
	p := a.p
	lits := map[*ast.FuncLit]bool{} // called where they stand: their parameters are followed
	held := p.heldClosures()
	for _, lit := range held {
		lits[lit] = true // show := func(ts []int) {...}, only ever called as show(x)
	}
	var results []any // the result group of each enclosing function
	var visit func(n ast.Node) bool
	assign := func(lhs ast.Expr, rhs ast.Expr) {
		if t := p.info.TypeOf(lhs); isSliceType(t) || holdsSliceElems(t) {
			var dest any
			switch l := ast.Unparen(lhs).(type) {
			case *ast.Ident, *ast.SelectorExpr:
				dest = ownerOf(p, l)
			case *ast.IndexExpr:
				dest = a.elements(l.X)
			}
			if dest == nil {
				dest = unknown(p.info.TypeOf(lhs))
			}
			a.union(dest, a.source(rhs))
		}
	}
	params := func(sig *types.Signature, args []ast.Expr) {
		for i, arg := range args {
			if s := a.source(arg); s != nil {
				switch {
				case sig == nil:
					a.union(s, unknown(p.info.TypeOf(arg)))
				case sig.Variadic() && i >= sig.Params().Len()-1:
					a.union(s, sig.Params().At(sig.Params().Len()-1))
				case i < sig.Params().Len() && a.readOnly[sig.Params().At(i)]:
					// Sum(part) and Sum(parts): read where they stand, they share nothing
				case i < sig.Params().Len():
					a.union(s, sig.Params().At(i))
				}
			}
		}
	}
	visit = func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncDecl:
			obj := p.info.Defs[x.Name].(*types.Func)
			sig := obj.Type().(*types.Signature)
			if sig.Recv() != nil && isSliceType(sig.Recv().Type()) {
				a.union(sig.Recv(), unknown(sig.Recv().Type())) // called through interfaces too
			}
			if sig.Recv() != nil && sig.Results().Len() == 1 && isSliceType(sig.Results().At(0).Type()) {
				// what it returns, through an interface too (Store.Page's page of m.recs)
				a.union("result "+obj.FullName(), "method results "+obj.Name())
			}
			if x.Body != nil {
				results = append(results, "result "+obj.FullName())
				ast.Inspect(x.Body, visit)
				results = results[:len(results)-1]
			}
			return false
		case *ast.FuncLit:
			if !lits[x] {
				sig := p.info.TypeOf(x).(*types.Signature)
				for i := 0; i < sig.Params().Len(); i++ {
					a.union(sig.Params().At(i), unknown(sig.Params().At(i).Type()))
				}
			}
			results = append(results, fmt.Sprintf("result %p", x))
			ast.Inspect(x.Body, visit)
			results = results[:len(results)-1]
			return false
		case *ast.ReturnStmt:
			for _, r := range x.Results {
				ret := ast.Unparen(r)
				if se, ok := ret.(*ast.SliceExpr); ok {
					ret = ast.Unparen(se.X) // return out[:n]
				}
				if v, ok := usedVar(p, ret); ok && a.own[v] && !holdsSlices(elemType(v.Type()), map[types.Type]bool{}) {
					// out, made here and held by nothing else: a new array to the caller
					// (of flat elements: a [][]int's rows may be its parameter's sub-slices)
					continue
				}
				if len(results) > 0 {
					a.union(results[len(results)-1], a.source(r))
				}
			}
		case *ast.AssignStmt:
			if len(x.Lhs) == len(x.Rhs) {
				for i := range x.Lhs {
					assign(x.Lhs[i], x.Rhs[i])
				}
			} else {
				var results any // lo, hi := split(s, i): each may share the arrays split returns
				if c, ok := ast.Unparen(x.Rhs[0]).(*ast.CallExpr); ok && len(x.Rhs) == 1 {
					if fn := a.callee(c); fn != nil && !a.fresh[fn] {
						results = "result " + fn.FullName()
					} else if fn == nil && keepsItsOperand(calleeName(p, c)) && len(c.Args) > 0 {
						results = a.source(c.Args[0]) // before, after, found := bytes.Cut(b, sep): b's array
					}
				}
				for _, l := range x.Lhs {
					if results != nil && isSliceType(p.info.TypeOf(l)) {
						a.union(ownerOf(p, l), results) // what the function's returns share
					} else {
						a.union(ownerOf(p, l), unknown(p.info.TypeOf(l)))
					}
				}
			}
		case *ast.CaseClause:
			// switch p := v.(type) { case []int: ... }: p is what the interface held, as
			// a v.([]int) assertion's value
			if obj, ok := p.info.Implicits[x].(*types.Var); ok && (isSliceType(obj.Type()) || holdsSliceElems(obj.Type())) {
				a.union(obj, unknown(obj.Type()))
			}
		case *ast.ValueSpec:
			for i, name := range x.Names {
				if i < len(x.Values) && len(x.Names) == len(x.Values) {
					assign(name, x.Values[i])
				} else if len(x.Values) > 0 && isSliceType(p.info.TypeOf(name)) {
					a.union(p.info.Defs[name], unknown(p.info.TypeOf(name)))
				}
			}
		case *ast.RangeStmt:
			if x.Value != nil && isSliceType(p.info.TypeOf(x.Value)) {
				a.union(ownerOf(p, x.Value), a.elements(x.X))
			}
			if ch, ok := under(p.info.TypeOf(x.X)).(*types.Chan); ok && x.Key != nil && isSliceType(ch.Elem()) {
				a.union(ownerOf(p, x.Key), "received "+types.TypeString(ch.Elem(), nil)) // as v := <-ch
			}
			if _, ok := under(p.info.TypeOf(x.X)).(*types.Signature); ok {
				// range over a func: each value is what a yield(xs[0:2]) was given, a
				// call of a function value, which is not followed
				for _, v := range []ast.Expr{x.Key, x.Value} {
					if v != nil && (isSliceType(p.info.TypeOf(v)) || holdsSliceElems(p.info.TypeOf(v))) {
						a.union(ownerOf(p, v), unknown(p.info.TypeOf(v)))
					}
				}
			}
			if c, ok := ast.Unparen(x.X).(*ast.CallExpr); ok && calleeName(p, c) == "slices.Chunk" && x.Key != nil && len(c.Args) == 2 {
				a.union(ownerOf(p, x.Key), a.source(c.Args[0])) // each chunk is a sub-slice of it
			}
		case *ast.SendStmt:
			if s := a.source(x.Value); s != nil {
				a.union(s, "received "+types.TypeString(p.info.TypeOf(x.Value), nil))
			}
		case *ast.CompositeLit:
			t := p.info.TypeOf(x)
			if ptr, ok := under(t).(*types.Pointer); ok {
				t = ptr.Elem() // []*Worker{{data: xs[1:3]}}: the elided &Worker
			}
			if st, ok := under(t).(*types.Struct); ok {
				for i, el := range x.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						if key, ok := kv.Key.(*ast.Ident); ok {
							a.union(p.info.Uses[key], a.source(kv.Value))
						}
					} else if i < st.NumFields() {
						a.union(st.Field(i), a.source(el))
					}
				}
			}
		case *ast.UnaryExpr:
			if x.Op == token.AND {
				a.union(a.source(x.X), unknown(p.info.TypeOf(x.X))) // written through the pointer
			}
		case *ast.CallExpr:
			if lit, ok := ast.Unparen(x.Fun).(*ast.FuncLit); ok {
				lits[lit] = true
				params(p.info.TypeOf(lit).(*types.Signature), x.Args)
			} else if lit := held[p.info.Uses[identOf(ast.Unparen(x.Fun))]]; lit != nil {
				params(p.info.TypeOf(lit).(*types.Signature), x.Args)
			} else if fn := a.callee(x); fn != nil {
				sig := fn.Type().(*types.Signature)
				params(sig, x.Args)
				if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && sig.Recv() != nil {
					a.union(sig.Recv(), a.source(sel.X))
				}
			} else if name := calleeName(p, x); !p.info.Types[x.Fun].IsType() && !strings.Contains(name, ".") && name != "append" && name != "copy" && name != "len" && name != "cap" {
				params(nil, x.Args) // a function value: its parameters are not followed
			}
		}
		return true
	}
	for _, f := range p.files {
		ast.Inspect(f, visit)
	}
	// a slice that goes into an interface is held where it is not followed, but
	// for the printing of fmt, log and a test's Log and Error, and the sorting of
	// sort.Slice and sort.Sort, which keep nothing they are given
	printed := map[ast.Expr]bool{}
	for _, f := range p.files {
		ast.Inspect(f, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok {
				switch name := calleeName(p, c); {
				case strings.HasPrefix(name, "fmt."), strings.HasPrefix(name, "log."), name == "reflect.DeepEqual",
					isTestPrint(name):
					for _, arg := range c.Args {
						printed[arg] = true
					}
				case name == "sort.Slice", name == "sort.SliceStable", name == "sort.SliceIsSorted":
					printed[c.Args[0]] = true
				case (name == "sort.Sort" || name == "sort.Stable" || name == "sort.IsSorted") && len(c.Args) == 1: // not IntSlice.Sort()
					// of sort.IntSlice(xs), sort.Reverse(sort.IntSlice(xs)) too; not of the
					// program's type, whose methods write the slice as its receiver
					data := c.Args[0]
					if r, ok := ast.Unparen(data).(*ast.CallExpr); ok && calleeName(p, r) == "sort.Reverse" && len(r.Args) == 1 {
						data = r.Args[0]
					}
					if sortSlice(p.info.TypeOf(data)) != "" {
						printed[c.Args[0]], printed[data] = true, true
					}
				}
			}
			return true
		})
	}
	p.assignments(func(e ast.Expr, t types.Type) {
		if t != nil && types.IsInterface(t) && !printed[e] {
			if s := a.source(e); s != nil {
				a.union(s, unknown(p.info.TypeOf(e)))
			}
		}
	})
}

// isTestPrint: name (calleeName's) is a method of a test's T (B, F) that prints
// its operands as fmt.Sprint does and keeps none of them: t.Log, t.Errorf...
func isTestPrint(name string) bool {
	switch name {
	case "testing.Log", "testing.Logf", "testing.Error", "testing.Errorf", "testing.Fatal", "testing.Fatalf",
		"testing.Skip", "testing.Skipf":
		return true
	}
	return false
}

// settledSlices: a sub-slice taken after every write to its group's elements, and
// before none, may be a copy (top := scores[:3] after sort.Ints(scores)): for as
// long as either lives, the copy and the slice hold the same elements. settled
// says so where each write is in the function that takes the sub-slice, in a
// statement before the one that takes it and outside a closure, a go or a defer
// statement (which may run later), and each slice of the group is made anew by
// each call: local variables (this function's, or its callers' that hold what it
// returns), results, struct fields and literals (the program's globals too when
// it is main.main, which runs once); a parameter's array, a global's, or one a
// closure captures may be written by another call after this one took its
// sub-slice.
func (p *program) settledSlices(a *sliceAliases) func(se *ast.SliceExpr, root any, writes []ast.Node) bool {
	var bodies []*ast.BlockStmt
	var blocks []*ast.BlockStmt // every block, a loop's body among them
	var later []ast.Node        // go and defer statements
	var mainBody *ast.BlockStmt
	paramOf := map[*types.Var]*ast.BlockStmt{} // each parameter's function body
	literals := map[any]*ast.CompositeLit{}    // the group member each composite literal is
	params := func(ft *ast.FuncType, body *ast.BlockStmt) {
		for _, fld := range ft.Params.List {
			for _, name := range fld.Names {
				if v, ok := p.info.Defs[name].(*types.Var); ok {
					paramOf[v] = body
				}
			}
		}
	}
	for _, f := range p.files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				if n.Body != nil {
					bodies = append(bodies, n.Body)
					params(n.Type, n.Body)
					if n.Recv == nil && n.Name.Name == "main" && p.pkgOf[f].Name() == "main" {
						mainBody = n.Body
					}
				}
			case *ast.FuncLit:
				bodies = append(bodies, n.Body)
				params(n.Type, n.Body)
			case *ast.GoStmt, *ast.DeferStmt:
				later = append(later, n)
			case *ast.CompositeLit:
				literals[fmt.Sprintf("literal %p", n)] = n
			case *ast.BlockStmt:
				blocks = append(blocks, n)
			}
			return true
		})
	}
	innermost := func(pos token.Pos) *ast.BlockStmt {
		var in *ast.BlockStmt
		for _, b := range bodies {
			if b.Pos() <= pos && pos < b.End() && (in == nil || b.Pos() > in.Pos()) {
				in = b
			}
		}
		return in
	}
	statement := func(b *ast.BlockStmt, pos token.Pos) int {
		for i, s := range b.List {
			if s.Pos() <= pos && pos < s.End() {
				return i
			}
		}
		return -1
	}
	madeIn := func(b *ast.BlockStmt, member any) bool {
		switch m := member.(type) {
		case string:
			// (method results Top: where the results of every method Top meet)
			return strings.HasPrefix(m, "literal ") || strings.HasPrefix(m, "result ") || strings.HasPrefix(m, "method results ")
		case *types.Var:
			if body, ok := paramOf[m]; ok && body != b && !(body.Pos() <= b.Pos() && b.End() <= body.End()) {
				// a parameter of another function (step(part), go func(part)
				// {...}(s[lo:hi])): its array is one a call gives it, a member of the
				// group already, and the function's writes are among the group's
				return true
			}
			// a local of b, or of a function b is not inside (a caller holding what b
			// returns): not one a closure b captures, which each call of b shares
			in := innermost(m.Pos())
			local := in != nil && (in == b || !(in.Pos() <= b.Pos() && b.End() <= in.End()))
			return m.IsField() || local || b == mainBody && p.packageLevel(m)
		}
		return false
	}
	// writtenBefore: every write is a statement of block in before the one that
	// slices (at), in the function body b itself, outside go and defer statements
	writtenBefore := func(in, b *ast.BlockStmt, at int, writes []ast.Node) bool {
		for _, w := range writes {
			if innermost(w.Pos()) != b || statement(in, w.Pos()) < 0 || statement(in, w.Pos()) >= at {
				return false
			}
			for _, l := range later {
				if l.Pos() <= w.Pos() && w.Pos() < l.End() {
					return false
				}
			}
		}
		return true
	}
	// declaredIn: the group's members are all variables declared in block in of
	// the function body b, or parameters of other functions (as madeIn's): a
	// loop's body makes them anew each iteration, so what a later iteration writes
	// is another array
	declaredIn := func(in, b *ast.BlockStmt, root any) bool {
		local := func(k any) bool {
			if lit, ok := literals[k]; ok {
				return in.Pos() <= lit.Pos() && lit.Pos() < in.End() // made anew by each iteration
			}
			v, ok := k.(*types.Var)
			if body, param := paramOf[v]; ok && param && body != b && !(body.Pos() <= b.Pos() && b.End() <= body.End()) {
				return true
			}
			return ok && !v.IsField() && innermost(v.Pos()) == b && in.Pos() <= v.Pos() && v.Pos() < in.End()
		}
		if !local(root) {
			return false
		}
		for k := range a.parent {
			if a.find(k) == root && !local(k) {
				return false
			}
		}
		return true
	}
	// handedOff: every write is a statement of one function body w, before any
	// statement of w that lets the array out; the group's members are w's locals
	// (and literals) and the parameters of other functions, which therefore never
	// write it. Whoever sub-slices it (a goroutine of a parallel merge sort, given
	// nums after main filled it) sees what was written before: the copy agrees.
	handedOff := func(se *ast.SliceExpr, root any, writes []ast.Node) bool {
		if len(writes) == 0 {
			return false
		}
		w := innermost(writes[0].Pos())
		last := -1
		for _, at := range writes {
			i := -1
			if w != nil && innermost(at.Pos()) == w {
				i = statement(w, at.Pos())
			}
			if i < 0 {
				return false
			}
			for _, l := range later {
				if l.Pos() <= at.Pos() && at.Pos() < l.End() {
					return false
				}
			}
			last = max(last, i)
		}
		if innermost(se.Pos()) == w && statement(w, se.Pos()) <= last {
			return false // p = p[1:] in the loop that writes p[0]: the writes come after it too
		}
		members := []any{root}
		for k := range a.parent {
			if k != root && a.find(k) == root {
				members = append(members, k)
			}
		}
		locals := map[*types.Var]bool{}
		for _, k := range members {
			switch m := k.(type) {
			case *types.Var:
				if body, param := paramOf[m]; param && body != w {
					continue
				}
				if m.IsField() || innermost(m.Pos()) != w {
					return false
				}
				locals[m] = true
			case string:
				if lit, ok := literals[m]; !ok || innermost(lit.Pos()) != w {
					return false
				}
			default:
				return false
			}
		}
		ok := true
		ast.Inspect(w, func(n ast.Node) bool {
			if ok && n != nil && n.Pos() >= w.List[0].Pos() && statement(w, n.Pos()) <= last {
				ok = p.onlyIndexes(n, locals)
			}
			return ok
		})
		return ok
	}
	return func(se *ast.SliceExpr, root any, writes []ast.Node) bool {
		if handedOff(se, root, writes) {
			return true
		}
		b := innermost(se.Pos())
		if b == nil {
			return false
		}
		settled := madeIn(b, root)
		for k := range a.parent {
			if a.find(k) == root && !madeIn(b, k) {
				settled = false
			}
		}
		if settled && writtenBefore(b, b, statement(b, se.Pos()), writes) {
			return true
		}
		for _, in := range blocks { // a block inside b holding the slicing and the slices
			if in != b && b.Pos() <= in.Pos() && in.End() <= b.End() && in.Pos() <= se.Pos() && se.Pos() < in.End() &&
				declaredIn(in, b, root) && writtenBefore(in, b, statement(in, se.Pos()), writes) {
				return true
			}
		}
		return false
	}
}

// onlyIndexes: n uses none of the variables vars but by indexing it, taking its
// length or capacity, ranging over it or appending to it in place (v = append(v,
// x)): nothing that lets the array out. Checked node by node: n's children are
// checked in turn, so n is judged by the role it gives its own operands.
func (p *program) onlyIndexes(n ast.Node, vars map[*types.Var]bool) bool {
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		v, _ := p.info.Uses[id].(*types.Var)
		return ok && vars[v]
	}
	switch n := n.(type) {
	case *ast.IndexExpr, *ast.RangeStmt, *ast.Ident:
		return true // v[i]; for ... := range v; an identifier alone is judged by its parent
	case *ast.CallExpr:
		args := n.Args
		switch name := calleeName(p, n); {
		case name == "len", name == "cap", slices.Contains(inPlace, name):
			return true // sort.Ints(v), copy(v, src): written there, kept by no one
		case name == "append":
			args = args[1:] // v = append(v, x): its own array
		}
		if slices.ContainsFunc(args, is) {
			return false // f(v): handed to the callee
		}
	case *ast.AssignStmt:
		for i, r := range n.Rhs {
			c, call := ast.Unparen(r).(*ast.CallExpr)
			appended := call && calleeName(p, c) == "append" && is(c.Args[0])
			if is(r) || appended && (len(n.Lhs) != len(n.Rhs) || !is(n.Lhs[i])) {
				return false // u := v, u = append(v, x): a second holder
			}
		}
	case *ast.SliceExpr, *ast.UnaryExpr, *ast.CompositeLit, *ast.KeyValueExpr, *ast.SendStmt, *ast.ReturnStmt,
		*ast.GoStmt, *ast.DeferStmt, *ast.FuncLit, *ast.ValueSpec:
		found := false
		ast.Inspect(n, func(x ast.Node) bool {
			if e, ok := x.(ast.Expr); ok && is(e) {
				found = true
			}
			return !found
		})
		if found {
			switch n := n.(type) {
			case *ast.ValueSpec:
				return len(n.Values) == 0 || !slices.ContainsFunc(n.Values, is) // var v []int; var v = make(...)
			}
			return false
		}
	}
	return true
}

// sealedSlices finds the slice variables whose array no one else sees while they
// write it: a local of a function body, made there (make, a composite literal, nil,
// append of itself), whose every use in that body indexes it, takes its length,
// ranges over it, sorts it, appends to it, prints it or returns it, and none sits
// in a closure (but sort.Slice's less) or a go or defer statement. A write through
// one (out[i] = i * i) is done before the function returns its array, so a
// sub-slice taken of that array afterwards (vals := squares(5); vals[:n]) holds
// what Go's would: the copy needs no later write to agree.
//
// own, from the same walk: as sealed, and re-sliced into themselves too (out =
// out[:n]), locals whose array nothing else holds while their function runs.
// Returned, one shares no array with the function's other returns.
func (p *program) sealedSlices() (sealed, own map[*types.Var]bool) {
	sealed, own = map[*types.Var]bool{}, map[*types.Var]bool{}
	broken := map[*types.Var]bool{}   // a use that is neither sealed's nor own's
	unsealed := map[*types.Var]bool{} // a self re-slice, which own allows
	body := func(b *ast.BlockStmt) {
		var stack []ast.Node // the nodes from b to the one visited, b's first
		ast.Inspect(b, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			if id, ok := n.(*ast.Ident); ok {
				if v, ok := p.info.Defs[id].(*types.Var); ok && isSliceType(v.Type()) {
					if !insideFunc(stack) && p.madeFresh(v, id, stack) {
						sealed[v], own[v] = true, true
					}
				} else if v, ok := p.info.Uses[id].(*types.Var); ok && isSliceType(v.Type()) &&
					b.Pos() <= v.Pos() && v.Pos() < b.End() && !p.sealedUse(v, id, stack) {
					if selfResliced(p, id, stack) {
						unsealed[v] = true
					} else {
						broken[v] = true
					}
				}
			}
			stack = append(stack, n)
			return true
		})
	}
	for _, f := range p.files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				body(fd.Body)
			}
		}
	}
	for v := range broken {
		delete(sealed, v)
		delete(own, v)
	}
	for v := range unsealed {
		delete(sealed, v)
	}
	return sealed, own
}

// insideFunc: the innermost function around the node the stack leads to is a
// function literal.
func insideFunc(stack []ast.Node) bool {
	for _, n := range stack {
		if _, ok := n.(*ast.FuncLit); ok {
			return true
		}
	}
	return false
}

// madeFresh: v, declared at id, starts as a new array or nil: var out []int,
// out := make([]int, n), out := []int{...}.
func (p *program) madeFresh(v *types.Var, id *ast.Ident, stack []ast.Node) bool {
	switch d := stack[len(stack)-1].(type) {
	case *ast.ValueSpec:
		if len(d.Values) == 0 {
			return true
		}
		for i, name := range d.Names {
			if name == id && len(d.Values) == len(d.Names) {
				return p.freshArray(v, d.Values[i])
			}
		}
	case *ast.AssignStmt:
		for i, l := range d.Lhs {
			if l == id && d.Tok == token.DEFINE && len(d.Lhs) == len(d.Rhs) {
				return p.freshArray(v, d.Rhs[i])
			}
		}
	}
	return false
}

// freshArray: e, assigned to v, is a new array or nil, or an append to v itself.
func (p *program) freshArray(v *types.Var, e ast.Expr) bool {
	if p.info.Types[e].IsNil() || fresh(p, e) {
		return true
	}
	c, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || calleeName(p, c) != "append" || len(c.Args) == 0 {
		return false
	}
	id, ok := ast.Unparen(c.Args[0]).(*ast.Ident)
	return ok && p.info.Uses[id] == v || p.info.Types[c.Args[0]].IsNil()
}

// sealedUse: id, a use of v, is one sealedSlices allows.
func (p *program) sealedUse(v *types.Var, id *ast.Ident, stack []ast.Node) bool {
	for i, n := range stack {
		switch n.(type) {
		case *ast.GoStmt, *ast.DeferStmt:
			return false
		case *ast.FuncLit:
			// sort.Slice(out, func(i, j int) bool { return out[i] < out[j] }): called in the call
			c, ok := stack[max(i-1, 0)].(*ast.CallExpr)
			if !ok || calleeName(p, c) != "sort.Slice" && calleeName(p, c) != "sort.SliceStable" {
				return false
			}
		}
	}
	parent := stack[len(stack)-1]
	switch x := parent.(type) {
	case *ast.IndexExpr:
		if x.X != id {
			return false // m[out]: no slice is a key
		}
		if len(stack) > 1 {
			if u, ok := stack[len(stack)-2].(*ast.UnaryExpr); ok && u.Op == token.AND {
				return false // &out[i]: a pointer into the array
			}
		}
		return true
	case *ast.RangeStmt:
		return x.X == id
	case *ast.ReturnStmt:
		return true
	case *ast.AssignStmt:
		for i, l := range x.Lhs {
			if l == id {
				return len(x.Lhs) == len(x.Rhs) && p.freshArray(v, x.Rhs[i])
			}
		}
		return false // out2 := out: a second holder
	case *ast.CallExpr:
		if x.Fun == id {
			return false
		}
		switch name := calleeName(p, x); {
		case name == "len", name == "cap", name == "sort.Ints", name == "sort.Strings", name == "sort.Float64s",
			name == "sort.Slice", name == "sort.SliceStable", name == "slices.Sort", name == "slices.SortFunc",
			name == "slices.SortStableFunc", name == "slices.Reverse", strings.HasPrefix(name, "fmt."):
			return !x.Ellipsis.IsValid()
		case name == "append":
			if x.Args[0] != id || len(stack) < 2 {
				return false
			}
			a, ok := stack[len(stack)-2].(*ast.AssignStmt) // out = append(out, v)
			return ok && len(a.Lhs) == 1 && len(a.Rhs) == 1 && a.Rhs[0] == x && sameVar(p, a.Lhs[0], id)
		}
	}
	return false
}

// selfResliced: id is either side of v = v[a:b], or return v[a:b].
func selfResliced(p *program, id *ast.Ident, stack []ast.Node) bool {
	var a *ast.AssignStmt
	switch x := stack[len(stack)-1].(type) {
	case *ast.AssignStmt:
		a = x
	case *ast.SliceExpr:
		if x.X != id || len(stack) < 2 {
			return false
		}
		if _, ok := stack[len(stack)-2].(*ast.ReturnStmt); ok {
			return x.Max == nil
		}
		a, _ = stack[len(stack)-2].(*ast.AssignStmt)
	}
	if a == nil || len(a.Lhs) != 1 || len(a.Rhs) != 1 || !sameVar(p, a.Lhs[0], id) {
		return false
	}
	se, ok := ast.Unparen(a.Rhs[0]).(*ast.SliceExpr)
	return ok && se.Max == nil && sameVar(p, se.X, id)
}

// usedVar: the variable x, an identifier, names.
func usedVar(p *program, x ast.Expr) (*types.Var, bool) {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return nil, false
	}
	v, ok := p.info.Uses[id].(*types.Var)
	return v, ok
}

// heldClosures: the local variables defined as a closure (show := func(ts []int)
// {...}) that are never assigned again nor have their address taken, and are
// only ever called, where they stand (not by go or defer): their arguments are
// its parameters, as a function's are.
func (p *program) heldClosures() map[types.Object]*ast.FuncLit {
	if p.held != nil {
		return p.held
	}
	held := map[types.Object]*ast.FuncLit{}
	for _, f := range p.files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) == 1 && len(n.Rhs) == 1 && n.Tok == token.DEFINE {
					if lit, ok := ast.Unparen(n.Rhs[0]).(*ast.FuncLit); ok {
						if id, ok := n.Lhs[0].(*ast.Ident); ok && p.info.Defs[id] != nil {
							held[p.info.Defs[id]] = lit
						}
					}
				}
			case *ast.ValueSpec:
				if len(n.Names) == 1 && len(n.Values) == 1 {
					if lit, ok := ast.Unparen(n.Values[0]).(*ast.FuncLit); ok && p.info.Defs[n.Names[0]] != nil {
						held[p.info.Defs[n.Names[0]]] = lit
					}
				}
			}
			return true
		})
	}
	called := map[*ast.Ident]bool{}
	for _, f := range p.files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.GoStmt, *ast.DeferStmt:
				return false // its call runs later: the closure is not called where it stands
			case *ast.CallExpr:
				if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok {
					called[id] = true
				}
			}
			return true
		})
	}
	for id, obj := range p.info.Uses {
		if held[obj] != nil && !called[id] {
			delete(held, obj) // assigned, passed, deferred, its address taken
		}
	}
	p.held = held
	return held
}
