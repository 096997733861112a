package main

import (
	"go/ast"
	"go/token"
	"go/types"
)

// findCapacities: the program asks cap of a slice (len(batch) == cap(batch)), or
// appends to one without storing the result back (forkingAppend), so
// a slice keeps the capacity Go's would have (a go.CapSlice): what make gave it,
// the array or slice it was cut from, Go's growth past it (go.appended); elsewhere
// a slice's capacity is its length.
func (m *module) findCapacities() {
	p := m.p
	roomy := roomyVars(p)
	for _, file := range p.files {
		var stack []ast.Node
		ast.Inspect(file, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			if m.capacities {
				return false
			}
			if c, ok := n.(*ast.CallExpr); ok {
				asksCap := calleeName(p, c) == "cap" && len(c.Args) == 1 && isSliceType(p.info.TypeOf(c.Args[0]))
				if asksCap || forkingAppend(p, c, stack) {
					m.capacities = true
					return false
				}
			}
			if se, ok := n.(*ast.SliceExpr); ok && m.pastLength(se, roomy) {
				m.capacities = true
				return false
			}
			stack = append(stack, n)
			return true
		})
	}
	if m.capacities {
		m.findStackAppends()
	}
}

// forkingAppend: c is append(x, ...) of a slice variable or field x whose result
// does not go back into x (a := append(base, v), f(append(path, v))): in Go the
// result shares x's array where x has room, and a second such append writes
// under the first's slice. The run keeps capacities to find that (go.appended).
func forkingAppend(p *program, c *ast.CallExpr, stack []ast.Node) bool {
	if calleeName(p, c) != "append" || len(c.Args) < 2 {
		return false
	}
	switch ast.Unparen(c.Args[0]).(type) {
	case *ast.Ident, *ast.SelectorExpr:
	default:
		return false // append([]int(nil), xs...), append(m[k], v): a new array, or stored back
	}
	if p.info.Types[c.Args[0]].IsNil() {
		return false
	}
	if len(stack) > 0 {
		if a, ok := stack[len(stack)-1].(*ast.AssignStmt); ok && len(a.Lhs) == len(a.Rhs) {
			for i, r := range a.Rhs {
				if r == ast.Expr(c) && sameVar(p, a.Lhs[i], c.Args[0]) {
					return false // x = append(x, v)
				}
			}
		}
	}
	return true
}

// stackBuffer: the bytes of the buffer Go's compiler (since go1.25) gives the
// first append to an empty slice that does not escape its function, in its frame.
const stackBuffer = 32

// findStackAppends finds, in each function, the first append to each local slice
// that never leaves it: a variable read only by len, cap, an index, a range, copy
// and append's values, and written only by x = append(x, ...), x = x[i:j] and
// x = nil, in the function that declares it (no closure's). Go's escape analysis
// keeps such a slice's array in the function's frame, and its first append from
// length 0 (that fits; not of a spread, append(x, ys...)) gets a buffer of 32
// bytes: cap 4 for ints, 32 for bytes, where an array on the heap would have the
// capacity of its length. The append's
// value is the buffer's length in elements.
func (m *module) findStackAppends() {
	p := m.p
	m.stackAppends = map[*ast.CallExpr]int64{}
	for _, file := range p.files {
		ast.Inspect(file, func(n ast.Node) bool {
			var body *ast.BlockStmt
			switch fn := n.(type) {
			case *ast.FuncDecl:
				body = fn.Body
			case *ast.FuncLit:
				body = fn.Body
			}
			if body != nil {
				m.stackAppendsIn(body)
			}
			return true
		})
	}
}

// stackAppendsIn: findStackAppends for one function's body, its closures' bodies
// taken as uses (a local one of them names stays out).
func (m *module) stackAppendsIn(body *ast.BlockStmt) {
	p := m.p
	locals := map[types.Object]int64{} // each candidate and its buffer's length
	first := map[types.Object]*ast.CallExpr{}
	var stack []ast.Node
	var visit func(n ast.Node, nested bool)
	visit = func(n ast.Node, nested bool) {
		ast.Inspect(n, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return false
			}
			if lit, ok := n.(*ast.FuncLit); ok {
				stack = append(stack, n)
				visit(lit.Body, true)
				stack = stack[:len(stack)-1]
				return false
			}
			if id, ok := n.(*ast.Ident); ok {
				if obj := p.info.Defs[id]; obj != nil && !nested {
					if k := stackElems(obj); k > 0 {
						locals[obj] = k
					}
				} else if obj := p.info.Uses[id]; obj != nil {
					if _, ok := locals[obj]; ok {
						if c, ok := m.keepsFrame(id, stack); !ok || nested {
							locals[obj] = -1
						} else if c != nil && first[obj] == nil {
							first[obj] = c
						}
					}
				}
			}
			stack = append(stack, n)
			return true
		})
	}
	visit(body, false)
	for obj, k := range locals {
		// a first append of a spread, append(x, ys...), grows on the heap
		if k > 0 && first[obj] != nil && !first[obj].Ellipsis.IsValid() {
			m.stackAppends[first[obj]] = k
		}
	}
}

// sizeOf: gcSizes.Sizeof(t), or false where t's size depends on a type parameter
// that hasTypeParam cannot see: a struct type declared inside a generic function
// (type frame struct{ n K; i int }), whose Sizeof is go/types' failed assertion.
func sizeOf(t types.Type) (size int64, ok bool) {
	defer func() {
		if recover() != nil {
			size, ok = 0, false
		}
	}()
	return gcSizes.Sizeof(t), true
}

// stackElems: the length of the stack buffer for a local slice variable obj of
// the program (its elements of 1 to 32 bytes), or 0.
func stackElems(obj types.Object) int64 {
	v, ok := obj.(*types.Var)
	if !ok || v.IsField() {
		return 0
	}
	sl, ok := v.Type().Underlying().(*types.Slice)
	if !ok || hasTypeParam(sl.Elem()) {
		return 0
	}
	size, ok := sizeOf(sl.Elem())
	if !ok || size == 0 || size > stackBuffer {
		return 0
	}
	return stackBuffer / size
}

// keepsFrame: is the use id of a local slice (its ancestors in stack) one that
// keeps its array in the function's frame? And the append it is the operand of,
// x = append(x, ...).
func (m *module) keepsFrame(id *ast.Ident, stack []ast.Node) (*ast.CallExpr, bool) {
	p := m.p
	if len(stack) == 0 {
		return nil, false
	}
	obj := p.info.Uses[id]
	self := func(e ast.Expr) bool {
		x, ok := ast.Unparen(e).(*ast.Ident)
		return ok && p.info.Uses[x] == obj
	}
	// x = rhs, with x this slice: an append to it, a sub-slice of it, nil
	selfAssign := func(as *ast.AssignStmt) (*ast.CallExpr, bool) {
		if len(as.Lhs) != 1 || len(as.Rhs) != 1 || as.Tok != token.ASSIGN || !self(as.Lhs[0]) {
			return nil, false
		}
		switch r := ast.Unparen(as.Rhs[0]).(type) {
		case *ast.CallExpr:
			if isBuiltinCall(p, r, "append") && self(r.Args[0]) {
				return r, true
			}
		case *ast.SliceExpr:
			return nil, self(r.X)
		case *ast.Ident:
			return nil, r.Name == "nil" && p.info.Uses[r] == types.Universe.Lookup("nil")
		}
		return nil, false
	}
	switch parent := stack[len(stack)-1].(type) {
	case *ast.AssignStmt:
		return selfAssign(parent)
	case *ast.IndexExpr:
		if len(stack) > 1 {
			if u, ok := stack[len(stack)-2].(*ast.UnaryExpr); ok && u.Op == token.AND {
				return nil, false // &x[i]: a pointer into the array
			}
		}
		return nil, parent.X == id
	case *ast.RangeStmt:
		return nil, parent.X == id
	case *ast.SliceExpr:
		if len(stack) > 1 {
			if as, ok := stack[len(stack)-2].(*ast.AssignStmt); ok {
				return selfAssign(as)
			}
		}
	case *ast.CallExpr:
		switch {
		case isBuiltinCall(p, parent, "len"), isBuiltinCall(p, parent, "cap"), isBuiltinCall(p, parent, "copy"):
			return nil, true
		case isBuiltinCall(p, parent, "append"):
			if parent.Args[0] != id {
				return nil, parent.Ellipsis.IsValid() && parent.Args[1] == id // append(y, x...) reads x
			}
			if len(stack) > 1 {
				if as, ok := stack[len(stack)-2].(*ast.AssignStmt); ok {
					return selfAssign(as)
				}
			}
		}
	}
	return nil, false
}

// pastLength: se re-slices a slice that has room past its length, as Go's
// capacity gives it, by a bound that may reach into that room (s[:3] of an
// s := fresh[3:5], buf[:n] of a buf := make([]byte, 0, 64)): where the program
// never asks cap, the bound still needs it. roomy holds the variables and fields
// ever given such a slice (roomyVars).
func (m *module) pastLength(se *ast.SliceExpr, roomy map[types.Object]bool) bool {
	p := m.p
	if se.High == nil && se.Max == nil || !isSliceType(p.info.TypeOf(se.X)) {
		return false
	}
	for _, b := range []ast.Expr{se.High, se.Max} {
		if c, ok := ast.Unparen(b).(*ast.CallExpr); ok && calleeName(p, c) == "len" {
			return false // s[:len(s)]
		}
	}
	id := identOf(ast.Unparen(se.X))
	return hasRoom(p, se.X) || id != nil && roomy[p.info.ObjectOf(id)]
}

// hasRoom: e is a slice that may have room past its length: a sub-slice with an
// upper bound (b[1:2], arr[:2]) or a make with a capacity (make([]T, 0, 64)).
func hasRoom(p *program, e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.SliceExpr:
		t := p.info.TypeOf(x.X)
		return x.High != nil && !x.Slice3 && (isSliceType(t) || arrayLen(t) >= 0)
	case *ast.CallExpr:
		return calleeName(p, x) == "make" && len(x.Args) == 3
	}
	return false
}

// roomyVars: the variables and fields the program gives a slice with room past
// its length (see hasRoom), by an assignment, a declaration or a call.
func roomyVars(p *program) map[types.Object]bool {
	roomy := map[types.Object]bool{}
	for _, file := range p.files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i, l := range n.Lhs {
						if id := identOf(ast.Unparen(l)); id != nil && hasRoom(p, n.Rhs[i]) {
							roomy[p.info.ObjectOf(id)] = true
						}
					}
				}
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if i < len(n.Values) && hasRoom(p, n.Values[i]) {
						roomy[p.info.Defs[name]] = true
					}
				}
			}
			return true
		})
	}
	// a parameter given one at a call of the program's function (peek(make([]byte, 0, 4))),
	// until no call gives another
	for grew := true; grew; {
		grew = false
		for _, file := range p.files {
			ast.Inspect(file, func(n ast.Node) bool {
				c, ok := n.(*ast.CallExpr)
				if !ok || c.Ellipsis.IsValid() {
					return true
				}
				id := calleeIdent(c.Fun)
				if id == nil {
					return true
				}
				fn, ok := p.info.Uses[id].(*types.Func)
				if !ok || fn.Pkg() == nil || !p.ours(fn.Pkg()) {
					return true
				}
				params := fn.Origin().Type().(*types.Signature).Params()
				for i, arg := range c.Args {
					if i >= params.Len() || i == params.Len()-1 && fn.Type().(*types.Signature).Variadic() {
						break
					}
					id := identOf(ast.Unparen(arg))
					if !roomy[params.At(i)] && (hasRoom(p, arg) || id != nil && roomy[p.info.ObjectOf(id)]) {
						roomy[params.At(i)] = true
						grew = true
					}
				}
				return true
			})
		}
	}
	return roomy
}
