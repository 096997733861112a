package main

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
)

// Go's compiler evaluates the calls of an expression before its other operands:
// fmt.Println(lim.tokens, lim.Take()) prints the tokens Take left, and
// []int{n, next()} holds the n next() made (the spec fixes only the order of the
// calls and receives among themselves). Python reads left to right, so where a
// call of the program's may change what an operand before it reads, callsFirst
// reads the calls into temporaries first, in Go's order, before the statement.
// What gc evaluates where it stands, as it does a call, stays in that order:
// len, cap, min and max, a type assertion (go1.27.3 printed each way; a string's
// byte, s[0], it reads in order as an operand of fmt.Println but not inside
// string(s[0]), and simlab reads it late in both).

// operands is what one statement's expressions evaluate, in Go's order.
type operands struct {
	calls   []ast.Expr // calls and receives, each after those inside it
	effects []int      // the calls (indexes into calls) that may change a variable
	reads   []ast.Expr // operands a call may change
	opaque  bool       // something callsFirst leaves in Python's order
	keyed   int        // calls[:keyed] are made in order: a keyed literal places them out of it
}

// callsFirst hoists the calls of a simple statement's expressions (roots) where
// an operand read before one of them may see its effect. A statement whose only
// root is a call keeps that call in place: its arguments are the operands.
func (f *fn) callsFirst(roots []ast.Expr) []ast.Expr {
	var o operands
	sole := len(roots) == 1
	for _, r := range roots {
		f.visitOperand(&o, r, sole)
	}
	last := -1
	for _, i := range o.effects {
		for _, r := range o.reads {
			if r.Pos() < o.calls[i].Pos() && i > last {
				last = i
			}
		}
	}
	for j, c := range o.calls {
		// a receive is taken before the statement: a call written before it is
		// made first, as Go makes it (f(), <-ch), and what the call reads too
		if u, ok := c.(*ast.UnaryExpr); ok && u.Op == token.ARROW && j > last {
			for _, b := range o.calls[:j] {
				if _, isCall := b.(*ast.CallExpr); isCall && b.End() <= u.Pos() {
					last = j
				}
			}
		}
	}
	last = max(last, o.keyed-1)
	if last < 0 || o.opaque {
		return nil
	}
	var done []ast.Expr
	for _, c := range o.calls[:last+1] {
		if u, ok := c.(*ast.UnaryExpr); ok && u.Op == token.ARROW {
			f.called = false // the calls before it are made, in order
		}
		text := f.value(c)
		if !isSimple(text) {
			t := f.temp("v")
			f.pre = append(f.pre, t+" = "+text)
			text = t
		}
		f.hoist(c, text)
		done = append(done, c)
	}
	return done
}

// visitOperand records what e evaluates; top marks the statement's only root.
func (f *fn) visitOperand(o *operands, e ast.Expr, top bool) {
	p := f.p
	switch x := e.(type) {
	case *ast.ParenExpr:
		f.visitOperand(o, x.X, top)
	case *ast.Ident:
		if f.mayChange(x) {
			o.reads = append(o.reads, x)
		}
	case *ast.SelectorExpr:
		if sel := p.info.Selections[x]; sel == nil || sel.Kind() == types.FieldVal {
			if f.mayChange(x) {
				o.reads = append(o.reads, x)
			}
		}
		f.visitCalls(o, x.X)
	case *ast.IndexExpr:
		if f.mayChange(x) {
			o.reads = append(o.reads, x)
		}
		f.visitCalls(o, x.X)
		f.visitCalls(o, x.Index)
	case *ast.StarExpr:
		o.reads = append(o.reads, x)
		f.visitCalls(o, x.X)
	case *ast.TypeAssertExpr: // in order, as a call
		f.visitCalls(o, x.X)
		if !top {
			o.calls = append(o.calls, x)
		}
	case *ast.SliceExpr: // in order, as a call: gc takes fmt.Println(s[i:], inc())'s s[i:] first
		f.visitCalls(o, x)
		if !top {
			o.calls = append(o.calls, x)
		}
	case *ast.KeyValueExpr:
		ast.Inspect(x, func(n ast.Node) bool {
			if n == ast.Node(x) {
				return true
			}
			if sub, ok := n.(ast.Expr); ok {
				f.visitOperand(o, sub, false)
			}
			return false
		})
	case *ast.UnaryExpr:
		switch x.Op {
		case token.ARROW:
			f.visitCalls(o, x.X) // the channel, read as the receive is evaluated
			if !top {
				o.calls = append(o.calls, x)
			}
		case token.AND:
			if lit, ok := ast.Unparen(x.X).(*ast.CompositeLit); ok {
				f.visitOperand(o, lit, false) // &T{n, inc()}: the literal's values, as T{...}'s
			} else {
				f.visitCalls(o, x.X) // &v reads no value
			}
		default:
			f.visitOperand(o, x.X, false)
		}
	case *ast.BinaryExpr:
		f.visitOperand(o, x.X, false)
		if x.Op == token.LAND || x.Op == token.LOR {
			o.opaque = o.opaque || hasCall(x.Y) // evaluated only if X lets it
			return
		}
		f.visitOperand(o, x.Y, false)
	case *ast.CompositeLit:
		if _, isMap := under(p.info.TypeOf(x)).(*types.Map); isMap {
			o.opaque = o.opaque || hasCall(x) // Go fills a map literal entry by entry
			return
		}
		start, next, back := len(o.calls), int64(0), false
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
				if v := p.info.Types[kv.Key].Value; v != nil && v.Kind() == constant.Int {
					k, _ := constant.Int64Val(v)
					back = back || k < next // [...]string{2: f("two"), 0: f("zero")}
					next = k
				}
			}
			next++
			f.visitOperand(o, el, false)
		}
		if back && len(o.calls)-start > 1 {
			o.keyed = len(o.calls) // the element rendered by index: its calls first, in Go's order
		}
	case *ast.CallExpr:
		f.visitCall(o, x, top)
	}
}

// visitCall records a call: its function's operands, its arguments, then itself.
func (f *fn) visitCall(o *operands, c *ast.CallExpr, top bool) {
	p := f.p
	fun := ast.Unparen(c.Fun)
	conversion := p.info.Types[c.Fun].IsType()
	builtin := false
	if id, ok := fun.(*ast.Ident); ok {
		_, builtin = p.info.Uses[id].(*types.Builtin)
	}
	if _, isLit := fun.(*ast.FuncLit); !isLit && !conversion {
		f.visitCalls(o, fun)
	}
	inOrder := builtin && slices.Contains([]string{"len", "cap", "min", "max"}, calleeName(p, c))
	for _, a := range c.Args {
		if inOrder {
			f.visitCalls(o, a) // gc evaluates len(x) where it stands, as a call
		} else {
			f.visitOperand(o, a, false)
		}
	}
	if inOrder && !top {
		o.calls = append(o.calls, c)
	}
	if conversion || builtin || top {
		return
	}
	if isTupleCall(p, c) {
		// pair(n, inc()) is its caller's only argument, made just before the
		// caller: the two are one call, which its caller records
		return
	}
	if len(f.throughArgs(c)) > 0 || c.Ellipsis.IsValid() {
		o.opaque = true
		return
	}
	if f.mayWrite(c) || len(c.Args) == 1 && isTupleCall(p, c.Args[0]) && f.mayWrite(ast.Unparen(c.Args[0]).(*ast.CallExpr)) {
		o.effects = append(o.effects, len(o.calls))
	}
	o.calls = append(o.calls, c)
}

// isTupleCall: e calls a function of several results.
func isTupleCall(p *program, e ast.Expr) bool {
	_, tuple := p.info.TypeOf(e).(*types.Tuple)
	return tuple
}

// visitCalls records the calls inside e, an operand whose value is not read (a
// method's receiver, an address).
func (f *fn) visitCalls(o *operands, e ast.Expr) {
	ast.Inspect(e, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			f.visitCall(o, x, false)
			return false
		case *ast.UnaryExpr:
			if x.Op == token.ARROW {
				f.visitOperand(o, x, false)
				return false
			}
		}
		return true
	})
}

// hasCall: e makes a call (not one in a closure it holds).
func hasCall(e ast.Expr) bool {
	return hasOwn(e, func(n ast.Node) bool { _, ok := n.(*ast.CallExpr); return ok })
}

// mayWrite: the call may assign a variable of the program: a function, method or
// function value of the program's, or any call given an address.
func (f *fn) mayWrite(c *ast.CallExpr) bool {
	p := f.p
	for _, a := range c.Args {
		if u, ok := ast.Unparen(a).(*ast.UnaryExpr); ok && u.Op == token.AND {
			return true
		}
	}
	switch fun := ast.Unparen(c.Fun).(type) {
	case *ast.FuncLit:
		return true
	case *ast.IndexExpr, *ast.IndexListExpr:
		return true // a generic function of the program, instantiated
	case *ast.Ident:
		switch obj := p.info.Uses[fun].(type) {
		case *types.Func:
			return f.m.a.byFunc[obj.Origin()] != nil
		case *types.Var:
			return true
		}
	case *ast.SelectorExpr:
		sel := p.info.Selections[fun]
		if sel == nil {
			return f.givesMethods(c) || f.givesFunc(c) // a function of a package: heap.Pop(h) calls h's Pop
		}
		if sel.Kind() == types.FieldVal {
			return true // a function a field holds
		}
		if fn, ok := sel.Obj().(*types.Func); ok {
			return f.m.a.byFunc[fn.Origin()] != nil || types.IsInterface(sel.Recv()) && isLocalInterface(p, sel.Recv()) ||
				fn.Pkg() != nil && !p.ours(fn.Pkg()) && f.givesFunc(c) // once.Do(load)
		}
	}
	return false
}

// givesMethods: the call of a package's function c passes a value of the
// program's to a parameter of an interface type with methods, which the function
// may call (heap.Pop(h), sort.Sort(byAge(people))).
func (f *fn) givesMethods(c *ast.CallExpr) bool {
	sig, ok := f.p.info.TypeOf(c.Fun).(*types.Signature)
	if !ok {
		return false
	}
	for i, a := range c.Args {
		j := min(i, sig.Params().Len()-1)
		if j < 0 {
			return false
		}
		param := sig.Params().At(j).Type()
		if sig.Variadic() && j == sig.Params().Len()-1 && !c.Ellipsis.IsValid() {
			param = param.(*types.Slice).Elem()
		}
		it, isInterface := under(param).(*types.Interface)
		if !isInterface || it.NumMethods() == 0 || types.IsInterface(f.p.info.TypeOf(a)) {
			continue
		}
		ms := types.NewMethodSet(f.p.info.TypeOf(a))
		for k := 0; k < ms.Len(); k++ {
			if pkg := ms.At(k).Obj().Pkg(); pkg != nil && f.p.ours(pkg) {
				return true
			}
		}
	}
	return false
}

// givesFunc: the call of the library's c passes a function value, which the
// library may call (bytes.FieldsFunc(b, notWord) with notWord counting its calls).
func (f *fn) givesFunc(c *ast.CallExpr) bool {
	for _, a := range c.Args {
		if tv := f.p.info.Types[a]; !tv.IsNil() && tv.Type != nil {
			if _, isFunc := under(tv.Type).(*types.Signature); isFunc {
				return true
			}
		}
	}
	return false
}

// mayChange: a call of the function being translated may change what e reads: a
// package's variable, one a closure shares or whose address is taken, what a
// pointer, a slice or a map holds.
func (f *fn) mayChange(e ast.Expr) bool {
	p := f.p
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := p.info.Uses[x].(*types.Var)
		if !ok {
			return false
		}
		if v.Parent() == p.pkg.Scope() || v.Pkg() != p.pkg {
			return true
		}
		var own ast.Node = f.u.lit
		if f.u.decl != nil {
			own = f.u.decl
		}
		if own == nil || v.Pos() < own.Pos() || v.Pos() >= own.End() {
			return true // a variable of an enclosing function
		}
		return f.sharedVars()[v]
	case *ast.SelectorExpr:
		sel := p.info.Selections[x]
		if sel == nil {
			return true // a package's variable
		}
		if sel.Indirect() {
			return true
		}
		if _, ptr := under(p.info.TypeOf(x.X)).(*types.Pointer); ptr {
			return true
		}
		return f.mayChange(x.X)
	case *ast.IndexExpr:
		switch under(p.info.TypeOf(x.X)).(type) {
		case *types.Slice, *types.Map, *types.Pointer:
			return true
		}
		return f.mayChange(x.X) || f.mayChange(x.Index)
	case *ast.StarExpr:
		return true
	}
	return false
}

// sharedVars: the variables of the function being translated that a closure in
// it uses or whose address it takes.
func (f *fn) sharedVars() map[types.Object]bool {
	if f.shared != nil {
		return f.shared
	}
	f.shared = map[types.Object]bool{}
	var body ast.Node = f.u.body
	if body == nil {
		return f.shared
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			ast.Inspect(x.Body, func(m ast.Node) bool {
				if id, ok := m.(*ast.Ident); ok {
					if v, ok := f.p.info.Uses[id].(*types.Var); ok {
						f.shared[v] = true
					}
				}
				return true
			})
			return false
		case *ast.UnaryExpr:
			if x.Op == token.AND {
				f.share(x.X)
			}
		case *ast.SelectorExpr:
			// v.Inc() of a pointer method on a variable v: &v
			if sel := f.p.info.Selections[x]; sel != nil && sel.Kind() == types.MethodVal {
				if _, ptr := sel.Obj().Type().(*types.Signature).Recv().Type().(*types.Pointer); ptr {
					f.share(x.X)
				}
			}
		}
		return true
	})
	return f.shared
}

// share marks the variable whose memory e, an addressed operand, is part of.
func (f *fn) share(e ast.Expr) {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := f.p.info.Uses[x].(*types.Var); ok {
			f.shared[v] = true
		}
	case *ast.SelectorExpr:
		if sel := f.p.info.Selections[x]; sel != nil && !sel.Indirect() {
			f.share(x.X)
		}
	case *ast.IndexExpr:
		if _, isArray := under(f.p.info.TypeOf(x.X)).(*types.Array); isArray {
			f.share(x.X)
		}
	}
}
