package main

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
)

// An index of a slice, an array or a string (or of the array a pointer points to)
// is a Python subscript only where it cannot be negative: Python counts a negative
// index from the end where Go panics (xs[i-1] with i == 0 is "index out of range
// [-1]"). Any other index goes through go.at (a read) or go.bound (a target), which
// panic with Go's whole text.

// element renders seq[index] read from x, a slice, an array or a string's bytes.
// A subscript's IndexError gives Go's text where the model's line can be read back
// (see golib's _runtime_errors): its operand a variable, a field or a literal; the
// result of a call goes through go.at, which knows the index and the length.
func (f *fn) element(seq string, x, index ast.Expr) string {
	_, literal := ast.Unparen(x).(*ast.CompositeLit)
	i := f.expr(index)
	if f.m.nonNegative(index) && (pure(x) || literal) && f.readBack(index, i) {
		return seq + "[" + i + "]"
	}
	return "go.at(" + seq + ", " + i + ")"
}

// readBack: an index the model's line gives back to Go's panic text (see
// element): one that reads variables, fields, elements and lengths, or computes
// from them, and whose rendering reads no element through go.at (regs[code[pc]]
// of a pc that may be negative: go.at(code, pc)).
func (f *fn) readBack(index ast.Expr, text string) bool {
	if strings.Contains(text, "go.at(") {
		return false
	}
	ok := true
	ast.Inspect(index, func(n ast.Node) bool {
		if c, isCall := n.(*ast.CallExpr); isCall {
			name := calleeName(f.p, c)
			ok = ok && (f.p.info.Types[c.Fun].IsType() || name == "len" || name == "cap")
		}
		return ok
	})
	return ok
}

// sequence renders the operand of an index: a slice, an array, or the array a
// pointer points to (p[i] of a *[4]int is (*p)[i], the go.Ref's list).
func (f *fn) sequence(x ast.Expr) string {
	if isPointer(f.p.info.TypeOf(x)) {
		return f.operand(x, 6) + ".v"
	}
	return f.expr(x)
}

// target renders ix as an assignment's target: xs[i], or xs[go.bound(xs, i)], which
// evaluates xs twice and so is kept for operands without calls.
func (f *fn) target(ix *ast.IndexExpr) string {
	seq, i := f.sequence(ix.X), f.expr(ix.Index)
	if f.m.nonNegative(ix.Index) && f.readBack(ix.Index, i) || !pure(ix.X) {
		return seq + "[" + i + "]"
	}
	return seq + "[go.bound(" + seq + ", " + i + ")]"
}

// pure: an operand that reads variables, fields and elements only, or computes
// from them.
func pure(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident, *ast.BasicLit:
		return true
	case *ast.SelectorExpr:
		return pure(x.X)
	case *ast.IndexExpr:
		return pure(x.X) && pure(x.Index)
	case *ast.BinaryExpr:
		return pure(x.X) && pure(x.Y)
	case *ast.StarExpr:
		return pure(x.X)
	}
	return false
}

// nonNegative: e is an integer that cannot be below zero: a constant, an unsigned
// value, a length, an index or counter that a loop keeps at zero or above, or a sum,
// product, quotient, remainder or shift of such.
func (m *module) nonNegative(e ast.Expr) bool {
	p := m.p
	e = ast.Unparen(e)
	if tv, ok := p.info.Types[e]; ok && tv.Value != nil {
		return constant.Sign(tv.Value) >= 0
	}
	if b, ok := under(p.info.TypeOf(e)).(*types.Basic); ok && b.Info()&types.IsUnsigned != 0 {
		return true
	}
	switch x := e.(type) {
	case *ast.Ident:
		return m.counters()[p.info.Uses[x]]
	case *ast.CallExpr:
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok {
			if b, ok := p.info.Uses[id].(*types.Builtin); ok {
				return b.Name() == "len" || b.Name() == "cap"
			}
		}
	case *ast.BinaryExpr:
		switch x.Op {
		case token.ADD, token.MUL, token.QUO, token.REM, token.SHR, token.OR:
			return m.nonNegative(x.X) && m.nonNegative(x.Y)
		case token.AND:
			return m.nonNegative(x.X) || m.nonNegative(x.Y)
		}
	}
	return false
}

// counters: the variables no assignment moves below zero: a range's index over a
// slice, an array, a string or an integer, and the counter of a for loop that starts
// at zero or above and counts up (i++, i += 2), or counts down while i >= 0 (or >),
// that nothing else assigns.
func (m *module) counters() map[types.Object]bool {
	if m.nonNeg != nil {
		return m.nonNeg
	}
	m.nonNeg = map[types.Object]bool{}
	p := m.p
	for _, file := range p.files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch s := n.(type) {
			case *ast.RangeStmt:
				id, ok := s.Key.(*ast.Ident)
				if !ok || s.Tok != token.DEFINE {
					return true
				}
				switch t := under(p.info.TypeOf(s.X)).(type) {
				case *types.Slice, *types.Array, *types.Basic:
				case *types.Pointer:
					if _, ok := under(t.Elem()).(*types.Array); !ok {
						return true
					}
				default:
					return true
				}
				if v := p.info.Defs[id]; v != nil && m.a.assigns[v] == 0 {
					m.nonNeg[v] = true
				}
			case *ast.ForStmt:
				if v := m.counter(s); v != nil {
					m.nonNeg[v] = true
				}
			}
			return true
		})
	}
	return m.nonNeg
}

// counter: the variable of for i := a; cond; post that stays at zero or above in the
// loop's body, if it has one.
func (m *module) counter(s *ast.ForStmt) types.Object {
	p := m.p
	init, ok := s.Init.(*ast.AssignStmt)
	if !ok || init.Tok != token.DEFINE || len(init.Lhs) != 1 {
		return nil
	}
	id, ok := init.Lhs[0].(*ast.Ident)
	if !ok {
		return nil
	}
	v := p.info.Defs[id]
	if v == nil || m.a.assigns[v] > 0 {
		return nil
	}
	step := 0
	switch post := s.Post.(type) {
	case *ast.IncDecStmt:
		if pid, ok := post.X.(*ast.Ident); ok && p.info.Uses[pid] == v {
			step = 1
			if post.Tok == token.DEC {
				step = -1
			}
		}
	case *ast.AssignStmt:
		if pid, ok := post.Lhs[0].(*ast.Ident); ok && p.info.Uses[pid] == v && len(post.Rhs) == 1 {
			if post.Tok == token.ADD_ASSIGN && m.nonNegative(post.Rhs[0]) {
				step = 1
			}
		}
	}
	switch {
	case step > 0 && m.nonNegative(init.Rhs[0]):
		return v
	case step < 0:
		cond, ok := s.Cond.(*ast.BinaryExpr)
		if !ok || (cond.Op != token.GEQ && cond.Op != token.GTR) {
			return nil
		}
		if cid, ok := ast.Unparen(cond.X).(*ast.Ident); ok && p.info.Uses[cid] == v && m.nonNegative(cond.Y) {
			return v
		}
	}
	return nil
}

func isArrayType(t types.Type) bool {
	_, ok := under(t).(*types.Array)
	return ok
}
