package main

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// findOwnedSlices finds the slice variables and fields whose list no other
// variable can hold, which x = append(x, v) may grow in place (x.append(v)).
// Anywhere else the append makes a new list, as Go's append gives a new slice
// header: growing a shared list in place would grow every variable holding it
// (a parameter grown in the callee, c := a grown after the copy).
//
// A slice is owned if every value assigned to it is fresh (a literal, make, nil,
// an append, a sub-slice, which copies) and no read of it keeps the list (its
// length, its elements, a range over it, a comparison with nil, its elements
// copied or printed, and a local's return keep none). A parameter or receiver is
// shared with its caller; a field is shared if a value of its struct is copied.
// (alias.go groups slices by the backing arrays they may share, for sub-slices;
// this asks the narrower question of a list no other variable holds.)
func (m *module) findOwnedSlices() {
	p := m.p
	m.owned = map[types.Object]bool{}
	shared := map[types.Object]bool{} // by the origin of an instance's field (Stack[int].items is Stack[T].items)
	origin := func(obj types.Object) types.Object {
		if v, ok := obj.(*types.Var); ok {
			return v.Origin()
		}
		return obj
	}
	harmless := map[ast.Expr]bool{} // reads of a slice that keep no list
	called := map[*ast.SelectorExpr]bool{}
	kept := map[*ast.SelectorExpr]bool{} // the methods of go and defer statements, whose receivers they keep
	selOf := map[*ast.Ident]*ast.SelectorExpr{}
	isSlice := func(obj types.Object) bool {
		if obj == nil {
			return false
		}
		_, ok := under(obj.Type()).(*types.Slice)
		return ok
	}
	objOf := func(e ast.Expr) types.Object { return ownerOf(p, e) }
	fresh := func(e ast.Expr) bool {
		switch x := ast.Unparen(e).(type) {
		case *ast.CompositeLit, *ast.SliceExpr:
			return true
		case *ast.Ident:
			return p.info.Types[x].IsNil()
		case *ast.CallExpr:
			name := calleeName(p, x)
			if p.info.Types[x.Fun].IsType() && len(x.Args) == 1 {
				_, fromSlice := under(p.info.TypeOf(x.Args[0])).(*types.Slice)
				return !fromSlice // []byte(s) is new; []int(xs) is xs
			}
			return name == "append" || name == "make"
		}
		return false
	}
	assign := func(lhs, rhs ast.Expr) {
		harmless[ast.Unparen(lhs)] = true // written, not read
		if obj := objOf(lhs); isSlice(obj) && (rhs == nil || !fresh(rhs)) {
			shared[origin(obj)] = true
		}
	}
	copiedStructs := map[*types.TypeName]bool{}
	var copiedAnon []*types.Struct // q := p of a var p struct{ Xs []int }
	seenParams := map[*types.TypeParam]bool{}
	var copied func(t types.Type)
	copied = func(t types.Type) {
		if tp, ok := t.(*types.TypeParam); ok && !seenParams[tp] {
			// orig := v in a func[V any]: a copy of each struct its type arguments are
			seenParams[tp] = true
			for _, arg := range typeArgsOf(p, tp) {
				copied(arg)
			}
			return
		}
		if n, ok := t.(*types.Named); ok {
			if _, isStruct := n.Underlying().(*types.Struct); isStruct {
				copiedStructs[n.Obj()] = true
			}
		} else if st, ok := t.(*types.Struct); ok {
			copiedAnon = append(copiedAnon, st)
		}
	}
	params := func(fields ...*ast.FieldList) {
		for _, list := range fields {
			if list == nil {
				continue
			}
			for _, fld := range list.List {
				for _, n := range fld.Names {
					shared[origin(p.info.Defs[n])] = true
				}
			}
		}
	}
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.GoStmt:
			if sel, ok := ast.Unparen(x.Call.Fun).(*ast.SelectorExpr); ok {
				kept[sel] = true // go l.Report(): the goroutine's receiver, evaluated now
			}
		case *ast.DeferStmt:
			if sel, ok := ast.Unparen(x.Call.Fun).(*ast.SelectorExpr); ok {
				kept[sel] = true // defer l.Report(): the receiver as the defer statement sees it
			}
			for _, a := range x.Call.Args {
				if obj := objOf(a); isSlice(obj) {
					// the deferred call keeps the list: defer fmt.Println(ys), then
					// ys = append(ys, 4) must not grow it
					shared[origin(obj)] = true
				}
			}
		case *ast.FuncDecl:
			params(x.Recv, x.Type.Params)
			if m.a.writtenRecv[x] {
				// a value receiver the method writes is a copy of the caller's struct,
				// sharing its slices: a.History = append(a.History, c) must not grow them
				copied(p.info.TypeOf(x.Recv.List[0].Type))
			}
		case *ast.FuncLit:
			params(x.Type.Params)
		case *ast.SelectorExpr:
			selOf[x.Sel] = x
			if sel, isField := p.info.Selections[x]; isField {
				valueMethod := sel.Kind() == types.MethodVal && !isPointer(sel.Obj().Type().(*types.Signature).Recv().Type())
				if obj := objOf(x.X); (kept[x] || !called[x]) && valueMethod && isSlice(obj) {
					// defer st.Print() of a named slice keeps its list, and so does a method
					// value, j := n.Join
					shared[origin(obj)] = true
				} else {
					harmless[ast.Unparen(x.X)] = true // x.f, x.M(): no copy of x (a value method's receiver is never written)
				}
				if valueMethod && (!called[x] || kept[x]) {
					r := sel.Recv()
					if ptr, ok := r.(*types.Pointer); ok {
						r = ptr.Elem()
					}
					copied(r) // f := s.Len: the method value holds a copy of s
					// (s.Count of a Count promoted from an embedded L: a copy of that L)
					copied(sel.Obj().Type().(*types.Signature).Recv().Type())
				}
			}
		case *ast.AssignStmt:
			switch {
			case len(x.Lhs) == len(x.Rhs):
				for i := range x.Lhs {
					assign(x.Lhs[i], x.Rhs[i])
					if c, ok := ast.Unparen(x.Rhs[i]).(*ast.CallExpr); ok && calleeName(p, c) == "append" && len(c.Args) > 0 && sameExpr(p, x.Lhs[i], c.Args[0]) {
						harmless[ast.Unparen(c.Args[0])] = true // x = append(x, ...)
					}
				}
			default:
				for _, l := range x.Lhs {
					assign(l, nil)
				}
			}
		case *ast.ValueSpec:
			for i, n := range x.Names {
				if i < len(x.Values) {
					assign(n, x.Values[i])
				} else if len(x.Values) > 0 {
					assign(n, nil) // var a, b = f()
				}
			}
		case *ast.CompositeLit:
			if st, ok := under(p.info.TypeOf(x)).(*types.Struct); ok {
				for i, el := range x.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						harmless[kv.Key] = true // the field's name
						if key, ok := kv.Key.(*ast.Ident); ok && isSlice(p.info.Uses[key]) && !fresh(kv.Value) {
							shared[origin(p.info.Uses[key])] = true
						}
					} else if i < st.NumFields() && isSlice(st.Field(i)) && !fresh(el) {
						shared[origin(st.Field(i))] = true
					}
				}
			}
		case *ast.RangeStmt:
			harmless[ast.Unparen(x.X)] = true
			if obj := objOf(x.X); isSlice(obj) && appendsTo(p, x.Body, obj) {
				// for _, v := range s { s = append(s, w) }: the range keeps the array s had,
				// which an append in place would grow and the body's writes reach
				shared[origin(obj)] = true
			}
			if x.Value != nil {
				assign(x.Value, nil) // an element: a slice of slices shares them
				copied(p.info.TypeOf(x.Value))
			}
		case *ast.IndexExpr:
			harmless[ast.Unparen(x.X)] = true
		case *ast.SliceExpr:
			harmless[ast.Unparen(x.X)] = true
		case *ast.BinaryExpr:
			harmless[ast.Unparen(x.X)] = true // == nil: the only comparison of a slice
			harmless[ast.Unparen(x.Y)] = true
		case *ast.UnaryExpr:
			if x.Op == token.AND {
				if obj := objOf(x.X); obj != nil {
					shared[origin(obj)] = true // a pointer to the variable: read and written through it
				}
			}
		case *ast.ReturnStmt:
			for _, r := range x.Results {
				if id, ok := ast.Unparen(r).(*ast.Ident); ok {
					if v, ok := p.info.Uses[id].(*types.Var); ok && !p.packageLevel(v) && !v.IsField() {
						harmless[id] = true // the local's list goes to the caller as the function ends
					}
				}
			}
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
				called[sel] = true
			}
			name := calleeName(p, x)
			switch {
			case name == "len", name == "cap", name == "copy", name == "clear",
				name == "append" && x.Ellipsis.IsValid(),
				strings.HasPrefix(name, "fmt."), strings.HasPrefix(name, "log."), strings.HasPrefix(name, "sort."),
				strings.HasPrefix(name, "slices.") && !keepsSlice[name], strings.HasPrefix(name, "strings."),
				strings.HasPrefix(name, "bytes.") && name != "bytes.NewReader": // the reader keeps the list
				for i, a := range x.Args {
					if name != "append" || i == len(x.Args)-1 {
						harmless[ast.Unparen(a)] = true
					}
				}
			}
		}
		if e, ok := n.(ast.Expr); ok {
			switch ast.Unparen(e).(type) {
			case *ast.Ident, *ast.SelectorExpr, *ast.IndexExpr, *ast.StarExpr:
				if !harmless[e] && p.info.Types[e].IsValue() {
					copied(p.info.TypeOf(e)) // a struct value read whole: a copy, sharing its slices
				}
			}
		}
		return true
	}
	for _, f := range p.files {
		ast.Inspect(f, visit)
	}
	// the reads: a use not marked harmless keeps the list
	for _, f := range p.files {
		ast.Inspect(f, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			obj := p.info.Uses[id]
			if !isSlice(obj) {
				return true
			}
			var e ast.Expr = id
			if sel := selOf[id]; sel != nil {
				e = sel
			}
			if !harmless[e] {
				shared[origin(obj)] = true
			}
			return true
		})
	}
	// a copy of a struct copies the struct values it holds too (b := a of an Outer
	// whose In holds a slice: b.In.s and a.In.s hold one list)
	// (and of an anonymous struct type, Sub struct{ B []string }, the same)
	work := append([]*types.Struct(nil), copiedAnon...)
	for tn := range copiedStructs {
		work = append(work, tn.Type().Underlying().(*types.Struct))
	}
	seenAnon := map[*types.Struct]bool{}
	for len(work) > 0 {
		st := work[len(work)-1]
		work = work[:len(work)-1]
		for i := 0; i < st.NumFields(); i++ {
			shared[origin(st.Field(i))] = true
			ft := st.Field(i).Type()
			for at, ok := under(ft).(*types.Array); ok; at, ok = under(ft).(*types.Array) {
				ft = at.Elem() // [4]Inner: each element a struct value copied
			}
			if n, ok := ft.(*types.Named); ok && !copiedStructs[n.Obj()] {
				if inner, isStruct := n.Underlying().(*types.Struct); isStruct {
					copiedStructs[n.Obj()] = true
					work = append(work, inner)
				}
			} else if inner, anon := ft.(*types.Struct); anon && !seenAnon[inner] {
				seenAnon[inner] = true
				work = append(work, inner)
			}
		}
	}
	for _, f := range p.files {
		ast.Inspect(f, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if obj := p.info.ObjectOf(id); isSlice(obj) && !shared[origin(obj)] {
					m.owned[obj] = true
				}
			}
			return true
		})
	}
}

// keepsSlice: the slices functions whose result is their operand's array (Clip,
// Grow, Delete...) or an iterator over it, read later (Values, All, Backward):
// the operand's list is held by another, and an append must not grow it in place.
var keepsSlice = map[string]bool{
	"slices.Clip": true, "slices.Grow": true, "slices.Values": true, "slices.All": true, "slices.Backward": true,
	"slices.Chunk": true, "slices.Delete": true, "slices.DeleteFunc": true, "slices.Compact": true,
	"slices.CompactFunc": true, "slices.Insert": true, "slices.Replace": true,
}

// appendsTo: body has an assignment obj = append(obj, ...).
func appendsTo(p *program, body ast.Node, obj types.Object) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && len(as.Lhs) == 1 && len(as.Rhs) == 1 {
			c, isCall := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
			if isCall && calleeName(p, c) == "append" && ownerOf(p, as.Lhs[0]) == obj {
				found = true
			}
		}
		return !found
	})
	return found
}

// typeArgsOf: the type arguments the program instantiates the type parameter tp
// with; for one of a method's receiver (func (s *Stack[T]) ...), whose T is a
// parameter of its own, every type argument of the program.
func typeArgsOf(p *program, tp *types.TypeParam) []types.Type {
	var found, all []types.Type
	for id, inst := range p.info.Instances {
		params := instanceParams(p, id)
		for i := 0; i < inst.TypeArgs.Len(); i++ {
			all = append(all, inst.TypeArgs.At(i))
			if params != nil && i < params.Len() && params.At(i) == tp {
				found = append(found, inst.TypeArgs.At(i))
			}
		}
	}
	if found == nil {
		return all
	}
	return found
}

// instanceParams: the type parameters of the generic function or type that id,
// an instance of it (p.info.Instances), names; nil for another object.
func instanceParams(p *program, id *ast.Ident) *types.TypeParamList {
	switch obj := p.info.Uses[id].(type) {
	case *types.Func:
		return obj.Type().(*types.Signature).TypeParams()
	case *types.TypeName:
		if n, ok := obj.Type().(*types.Named); ok {
			return n.TypeParams()
		}
	}
	return nil
}
