package main

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// value renders an expression whose value is stored or passed: a struct value or
// an array copied, as Go copies them; a struct value that goes into an interface
// there, a copy go.as_value marks as a value (see findInterfaceValues).
func (f *fn) value(e ast.Expr) string {
	if f.p.ifaceValues[e] || f.p.arrayKeys[e] {
		return f.expr(e) // go.as_value copies
	}
	return f.copiedAs(e, f.p.info.TypeOf(e), f.expr(e))
}

// copiedAs: text, the rendering of e, a value of type t (v, ok := m[k] gives
// both, the element's type and its own rendering), as a variable takes it: a copy
// of an array or a struct value that is not a fresh one, or of a type
// parameter's value read from where it is stored.
func (f *fn) copiedAs(e ast.Expr, t types.Type, text string) string {
	if at, ok := under(t).(*types.Array); ok {
		switch ast.Unparen(e).(type) {
		case *ast.CompositeLit, *ast.CallExpr: // a fresh value
		default:
			return f.m.copyArray(text, at, e) // an array is a value: copied
		}
	}
	if f.m.isStructValue(t) {
		switch ast.Unparen(e).(type) {
		case *ast.CompositeLit, *ast.CallExpr: // a fresh value
		default:
			if isNamed(t, "sync", "WaitGroup") || isNamed(t, "sync", "Mutex") {
				// go vet's copylocks: the copy starts with the value's state, then is
				// its own (a WaitGroup passed by value: its Done never reaches the caller's)
				return "go.copy_sync(" + text + ")"
			}
			f.m.copyable(t, e)
			return "go.copy(" + text + ")"
		}
	}
	if tp, ok := t.(*types.TypeParam); ok && !basicTypeSet(tp) {
		switch x := ast.Unparen(e).(type) {
		case *ast.IndexExpr, *ast.StarExpr:
			// return xs[0] of a []T: a copy where T is a struct or an array type
			return "go.copied(" + tp.Obj().Name() + ", " + text + ")"
		case *ast.SelectorExpr:
			if s := f.p.info.Selections[x]; s != nil && s.Kind() == types.FieldVal {
				return "go.copied(" + tp.Obj().Name() + ", " + text + ")"
			}
		case *ast.Ident:
			// v stored twice ([]T{v, v}), or stored and then written, is two values in
			// Go: each use a copy, as of a variable of a struct type
			if _, ok := f.p.info.Uses[x].(*types.Var); ok {
				return "go.copied(" + tp.Obj().Name() + ", " + text + ")"
			}
		}
	}
	return text
}

// isEmptyStruct: t is struct{}, whose value the translation keeps as None (a
// signal's) but for where Go shows it: in an interface, or printed.
func isEmptyStruct(t types.Type) bool {
	st, ok := types.Unalias(t).(*types.Struct)
	return ok && st.NumFields() == 0
}

// emptyStruct renders a struct{} value s where Go shows it: go.EMPTY, which
// prints {}, in place of None; go.empty(s) where s must still run (a call, m[k]).
func (f *fn) emptyStruct(s string) string {
	if s == "None" || token.IsIdentifier(s) {
		return "go.EMPTY"
	}
	return "go.empty(" + s + ")"
}

// isStructValue: t is a struct (not a pointer to one) with fields, which Go
// copies wherever it is stored or passed; a time.Time is an int instant.
func (m *module) isStructValue(t types.Type) bool { return isStructValueType(t) }

// convertedClass: the class of a struct type a conversion gives or takes: one of
// the program's named struct types (not generic), or an anonymous struct type
// with a class (a field's: Cursor struct{ Line, Col int }); else "".
func (m *module) convertedClass(t types.Type) string {
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		if t.TypeArgs().Len() == 0 && m.p.ours(t.Obj().Pkg()) {
			return m.globals[t.Obj()]
		}
	case *types.Struct:
		return m.anonClass(t)
	}
	return ""
}

// isStructValueType: a struct type whose values the translation tells from
// pointers to them (a named empty struct too, a context key's type; not
// struct{}, a signal's).
func isTypeParam(t types.Type) bool {
	_, ok := t.(*types.TypeParam)
	return ok
}

func isStructValueType(t types.Type) bool {
	st, ok := under(t).(*types.Struct)
	_, named := types.Unalias(t).(*types.Named)
	return ok && (st.NumFields() > 0 || named) && !isTime(t) && !isByteOrder(t)
}

// isByteOrder: encoding/binary's BigEndian or LittleEndian, stateless, one
// object each.
func isByteOrder(t types.Type) bool {
	return isNamed(t, "encoding/binary", "bigEndian") || isNamed(t, "encoding/binary", "littleEndian")
}

// programStruct: a struct value of one of the program's types, named or not, which
// the translation keeps as an instance of the type's class.
func (m *module) programStruct(t types.Type) bool {
	if !isStructValueType(t) {
		return false
	}
	n, named := types.Unalias(t).(*types.Named)
	return !named || m.types[n.Obj()]
}

// copyable checks that go.copy can copy a struct value of type t: a struct of the
// program whose fields are values go.copy copies right (not simlab's primitives:
// a copied sync.Mutex is a second mutex in Go, go vet's copylocks).
func (m *module) copyable(t types.Type, at ast.Node) {
	p := m.p
	for _, name := range []string{"Attr", "Value", "HandlerOptions", "Record"} {
		if isNamed(t, "log/slog", name) {
			return // go.copy copies its fields, as a struct of the program's
		}
	}
	if isNamed(t, "unique", "Handle") {
		return // golib's Handle: copied, compared and hashed by its value
	}
	if isNamed(t, "net/url", "URL") {
		return // go.copy copies its fields; the *Userinfo stays shared, as Go's
	}
	if isNamed(t, "strconv", "NumError") {
		return // go.copy copies its fields; Err stays shared, as Go's
	}
	if st, ok := types.Unalias(t).(*types.Struct); ok && st.NumFields() == 0 {
		return // struct{}: None, a set's value, which has nothing to copy
	}
	if st, ok := types.Unalias(t).(*types.Struct); ok && m.anonClass(st) != "" {
		// a literal's anonymous struct (a test's table row): copied field by field,
		// a field holding a struct value copied in turn (its class's go_values)
		m.anonCopied[st] = true
		for i := 0; i < st.NumFields(); i++ {
			ft := st.Field(i).Type()
			if _, isStruct := under(ft).(*types.Struct); isStruct && !isTime(ft) {
				if !m.isStructValue(ft) {
					p.unsupported(at, "a copy of an anonymous struct value holding a struct value ("+st.Field(i).Name()+")", "a named struct type, or a pointer field")
				}
				m.copyable(ft, at)
			}
			m.arrayField(st.Field(i), at)
		}
		return
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || !m.types[n.Obj()] {
		p.unsupported(at, "a copy of a struct value of type "+types.TypeString(t, types.RelativeTo(p.pkg)), "a named struct type of the program, or a pointer")
	}
	m.copied[n.Obj()] = true
	st := n.Underlying().(*types.Struct)
	origin := n.Origin().Underlying().(*types.Struct) // a generic type's class is its origin's
	for i := 0; i < st.NumFields(); i++ {
		ft := st.Field(i).Type()
		if uncopiedLibraryStruct(p, ft) {
			p.unsupported(at, "a copy of a struct value holding a "+types.Unalias(ft).String()+" ("+st.Field(i).Name()+")", "a pointer: *"+types.TypeString(t, types.RelativeTo(p.pkg)))
		}
		if m.isStructValue(ft) && !copiedLock(ft) {
			m.copyable(ft, at)
		}
		m.arrayField(st.Field(i), at)
		if origin != st {
			m.arrayField(origin.Field(i), at) // [2][2]T: its rows copied too, whatever T is
		}
	}
}

// arrayField notes the copier of an array field whose elements are struct values
// or arrays, which go.copy copies in turn: its class's go_arrays.
func (m *module) arrayField(v *types.Var, at ast.Node) {
	if arr, ok := under(v.Type()).(*types.Array); ok {
		if c := m.elemCopier(arr.Elem(), at); c != "" {
			m.fieldCopiers[v] = "lambda a: go.copy_array(a, " + c + ")"
		}
	}
}

// expr renders an expression; receives are hoisted into f.pre.
func (f *fn) expr(e ast.Expr) string {
	if t, ok := f.hoisted[e]; ok {
		return t // an assignment's target operand, read before the assignment
	}
	if f.p.arrayKeys[e] {
		delete(f.p.arrayKeys, e)
		text := "go.array_key(" + f.expr(e) + ")" // a list that hashes
		f.p.arrayKeys[e] = true
		return text
	}
	if f.p.paramKeys[e] {
		delete(f.p.paramKeys, e)
		text := "go.param_key(" + f.expr(e) + ")" // an array type argument's list, hashing
		f.p.paramKeys[e] = true
		return text
	}
	if f.p.floatKeys[e] {
		delete(f.p.floatKeys, e)
		text := "go.float_key(" + f.expr(e) + ")" // a NaN of its own, which no entry holds
		f.p.floatKeys[e] = true
		return text
	}
	if f.p.structKeys[e] {
		delete(f.p.structKeys, e)
		f.m.copyable(f.p.info.TypeOf(e), e)
		text := "go.copy(" + f.expr(e) + ")" // the map's own copy of the key
		f.p.structKeys[e] = true
		return text
	}
	if f.p.ifaceNils[e] {
		if cls := typedNilLibraryClass(f.p.info.TypeOf(e)); cls != "" {
			return "go.as_iface(" + f.exprOf(e) + ", " + cls + ")" // nil: (*bytes.Buffer)(nil)
		}
		n := types.Unalias(f.p.info.TypeOf(e).(*types.Pointer).Elem()).(*types.Named)
		args := []string{f.exprOf(e), f.m.globals[n.Obj()]}
		if n.TypeArgs().Len() > 0 {
			args = append(args, f.m.typeKeywords(n.Origin().TypeParams(), n.TypeArgs(), e)...) // (*Tree[int])(nil)
		}
		return "go.as_iface(" + strings.Join(args, ", ") + ")" // nil: (*T)(nil)
	}
	if f.p.ifaceValues[e] {
		t := f.p.info.TypeOf(e)
		if isEmptyStruct(t) {
			return f.emptyStruct(f.exprOf(e))
		}
		if cls := sizedClass(t); cls != "" {
			return cls + "(" + f.exprOf(e) + ")" // var x any = int64(5): not an int
		}
		if isNamed(t, "encoding/json", "Number") && !isPointer(t) {
			return "go.json.Number(" + f.exprOf(e) + ")" // a json.Number, not a string, to %T and JSON
		}
		if tp, ok := t.(*types.TypeParam); ok {
			return "go.boxed(" + tp.Obj().Name() + ", " + f.exprOf(e) + ")" // an int8 keeps its type
		}
		if cls := f.p.ifaceSync[e]; cls != "" {
			return cls + "(" + f.exprOf(e) + ")" // in an interface of the program: l.Lock()
		}
		if f.p.jsonTargets[e] {
			// decode(raw, &names): the pointer, and what JSON decodes into through it
			return "go.json.held(" + f.exprOf(e) + ", " + f.jsonType(e, t) + ")"
		}
		if f.p.ifaceFuncs[e] {
			return "go.TypedFunc(" + f.exprOf(e) + ", " + pyString(reflectType(t)) + ")" // for x.(T)
		}
		if f.p.ifaceContexts[e] {
			held := f.exprOf(e)
			if f.m.isStructValue(t) {
				f.m.copyable(t, e)
				held = "go.as_value(" + held + ")" // the copy the interface holds
			}
			return "go.CustomContext(rt, " + held + ", " + pyString(reflectType(t)) + ")"
		}
		if cls := sortSlice(t); cls != "" {
			return "go." + cls + "(" + f.exprOf(e) + ")" // sort.Sort(sort.IntSlice(xs)), sort.IntSlice{2, 1} too
		}
		if typedLiteral(f.p, e) || f.p.ifaceSlices[e] {
			held := f.exprOf(e) // go.typed's list is a new one
			if c, ok := ast.Unparen(e).(*ast.CallExpr); ok && held == "[]" && len(c.Args) == 1 && isUntypedNil(f.p.info.TypeOf(c.Args[0])) {
				held = "go.NilSlice()" // []string(nil): nil, to == nil and to JSON
			}
			if at, ok := under(t).(*types.Array); ok && f.m.elemCopier(at.Elem(), e) != "" && !typedLiteral(f.p, e) {
				held = f.m.copyArray(held, at, e) // its struct values copied too
			}
			if n, ok := types.Unalias(t).(*types.Named); ok && n.TypeArgs().Len() == 0 {
				// var x any = Sym{4}: %T main.Sym, %#v main.Sym{4} by its underlying []int
				return "go.typed(" + held + ", " + pyString(reflectType(t)) + ", " + pyString(reflectType(n.Underlying())) + ")"
			}
			return "go.typed(" + held + ", " + pyString(reflectType(t)) + ")" // []any{[]int{4}}: %T is []int
		}
		if cls := f.m.basicClass(t); cls != "" {
			return f.classValue(e, cls) // var x any = level + 1: a Level, not an int
		}
		if n, ok := t.(*types.Named); ok && n.TypeArgs().Len() > 0 && f.p.isNamedValue(n) {
			// the value keeps its type arguments, which its methods take
			kw := f.m.typeKeywords(n.Origin().TypeParams(), n.TypeArgs(), e)
			return f.m.globals[n.Obj()] + ".instance(" + f.exprOf(e) + ", " + strings.Join(kw, ", ") + ")"
		}
		if ptr, ok := t.(*types.Pointer); ok && f.p.isNamedValue(ptr.Elem()) {
			n := ptr.Elem().(*types.Named)
			args := []string{f.exprOf(e)} // heap.Init(&pq)
			if n.TypeArgs().Len() > 0 {
				args = append(args, f.m.typeKeywords(n.Origin().TypeParams(), n.TypeArgs(), e)...)
			}
			return f.m.globals[n.Obj()] + ".pointer(" + strings.Join(args, ", ") + ")"
		}
		if ptr, ok := t.(*types.Pointer); ok && libraryBasicClass(ptr.Elem()) != "" {
			// var p any = &lvl: the pointer, printed by Level's String, %T *slog.Level
			return "go.BasicPointer(" + libraryBasicClass(ptr.Elem()) + ", " + f.exprOf(e) + ")"
		}
		if ptr, ok := t.(*types.Pointer); ok && f.p.namedBasic(ptr.Elem()) {
			// var v flag.Value = &lv: the pointer, whose methods the class has
			return "go.BasicPointer(" + f.m.globals[ptr.Elem().(*types.Named).Obj()] + ", " + f.exprOf(e) + ")"
		}
		if f.p.isNamedValue(t) {
			held := f.exprOf(e)
			if at, ok := under(t).(*types.Array); ok {
				switch ast.Unparen(e).(type) {
				case *ast.CompositeLit, *ast.CallExpr:
				default:
					held = f.m.copyArray(held, at, e) // var s fmt.Stringer = board: a copy
				}
			}
			return f.m.globals[t.(*types.Named).Obj()] + "(" + held + ")" // sort.Sort(byAge(people))
		}
		if ptr, ok := t.(*types.Pointer); ok && sortSlice(ptr.Elem()) != "" {
			f.p.unsupported(e, "a pointer to a sort."+sortSlice(ptr.Elem())+" in an interface", "the value: sort.Sort(sort."+sortSlice(ptr.Elem())+"(xs))")
		}
		f.m.copyable(t, e)
		return "go.as_value(" + f.exprOf(e) + ")" // a copy the interface holds
	}
	if f.p.elemValues[e] {
		return f.elemValue(e)
	}
	return f.exprOf(e)
}

// elemValue renders e, a value stored in a slice, an array or a map whose
// element type has a String method (see findElementValues): an instance of the
// type's class, which another element already is.
func (f *fn) elemValue(e ast.Expr) string {
	cls := f.m.basicClass(f.p.info.TypeOf(e))
	if _, isElem := ast.Unparen(e).(*ast.IndexExpr); isElem || cls == "" {
		return f.exprOf(e)
	}
	return f.classValue(e, cls)
}

// classValue renders e, a value of a named number or string type, as an
// instance of its class cls: Level(level + 1), where a constant or a conversion
// is one already.
func (f *fn) classValue(e ast.Expr, cls string) string {
	c, isCall := ast.Unparen(e).(*ast.CallExpr)
	if f.p.info.Types[e].Value != nil || isCall && f.p.info.Types[c.Fun].IsType() {
		return f.exprOf(e)
	}
	return cls + "(" + f.exprOf(e) + ")"
}

// exprOf renders e (see expr) but for the mark of a struct value that goes into
// an interface where it stands.
func (f *fn) exprOf(e ast.Expr) string {
	p := f.p
	tv := p.info.Types[e]
	if tv.Value != nil {
		if tv.Value.Kind() == constant.String && !utf8.ValidString(constant.StringVal(tv.Value)) {
			p.unsupported(e, "a string constant that is not valid UTF-8",
				"simlab's strings are text; []byte(\"...\") of it keeps the bytes")
		}
		if isNamed(tv.Type, "syscall", "Errno") {
			// an error whose text and errors.Is the run does not know: not a plain number
			p.unsupported(e, "a syscall.Errno", "an error of the program, or io/fs's ErrNotExist, ErrExist, ErrPermission")
		}
		s, ok := f.constExpr(e)
		if !ok {
			s = constValue(tv.Value, tv.Type)
		}
		if cls := f.m.basicClass(tv.Type); cls != "" && !strings.HasPrefix(s, cls+"(") && !f.namedConst(e) {
			s = cls + "(" + s + ")" // key("user"): a value of the named type, as Go keeps it
		} else if cls := libraryErrorClass(tv.Type); cls != "" {
			s = cls + "(" + s + ")" // url.EscapeError("%z"): an error, with its Error method
		}
		if tp, ok := tv.Type.(*types.TypeParam); ok && numericTypeSet(tp) && !f.operands[e] {
			// return 0 of an N int | float64: the type argument's value, a float for float64
			s = "go.convert(" + tp.Obj().Name() + ", " + s + ")"
		}
		return s
	}
	switch x := e.(type) {
	case *ast.ParenExpr:
		inner := f.expr(x.X)
		switch ast.Unparen(x.X).(type) {
		case *ast.BinaryExpr, *ast.UnaryExpr:
			return "(" + inner + ")"
		}
		return inner
	case *ast.Ident:
		return f.ident(x)
	case *ast.SelectorExpr:
		return f.selector(x)
	case *ast.CallExpr:
		s, _ := f.call(x)
		return f.timePointerResult(x, s)
	case *ast.UnaryExpr:
		return f.unary(x)
	case *ast.BinaryExpr:
		return f.binary(x)
	case *ast.StarExpr:
		elem := under(p.info.TypeOf(x.X)).(*types.Pointer).Elem()
		if _, generic := elem.(*types.TypeParam); generic {
			return "go.deref(" + f.expr(x.X) + ").v" // a go.Ref, or a struct: T decides at run time
		}
		if _, ok := under(elem).(*types.Struct); !ok {
			return f.operand(x.X, 6) + ".v" // a go.Ref: the variable it points to
		}
		return f.expr(x.X)
	case *ast.CompositeLit:
		return f.composite(x, p.info.TypeOf(x))
	case *ast.IndexExpr:
		if tp, ok := p.info.TypeOf(x.X).(*types.TypeParam); ok && stringTypeSet(tp) {
			return f.element(f.operand(x.X, 6)+".encode()", x.X, x.Index) // s[0] of a T ~string: a byte
		}
		if tp, ok := p.info.TypeOf(x.X).(*types.TypeParam); ok && mixesStringsAndSlices(tp) {
			return f.element("go.byte_seq("+f.expr(x.X)+")", x.X, x.Index) // t[0] of a T ~string | ~[]byte: a byte
		}
		if f.unicodeTableName(x) != "" {
			return f.unicodeTableRef(x, x) // unicode.Scripts["Greek"]: the table itself
		}
		if _, ok := p.info.Instances[identOf(x.X)]; ok {
			if f.libraryFunc(x.X) {
				return f.expr(x.X) // cmp.Compare[float64]: a lambda making the call
			}
			return f.genericValue(x)
		}
		switch t := under(p.info.TypeOf(x.X)).(type) {
		case *types.Map:
			z, _ := f.m.zero(t.Elem(), x)
			return fmt.Sprintf("%s.get(%s, %s)", f.expr(x.X), f.expr(x.Index), z)
		case *types.Basic:
			return f.element(f.operand(x.X, 6)+".encode()", x.X, x.Index) // a byte, as in Go
		}
		return f.element(f.sequence(x.X), x.X, x.Index)
	case *ast.IndexListExpr:
		if f.libraryFunc(x.X) {
			return f.expr(x.X)
		}
		return f.genericValue(x)
	case *ast.SliceExpr:
		lo, hi := "", ""
		if x.Low != nil {
			lo = f.expr(x.Low)
		}
		if x.High != nil {
			hi = f.expr(x.High)
		}
		resliced := f.m.capacities && (isSliceType(p.info.TypeOf(x.X)) || arrayLen(p.info.TypeOf(x.X)) >= 0)
		if f.m.arrayViews[x] {
			return f.sequence(x.X) // sl := arr[:]: the array's list, which a write through sl reaches
		}
		if lo == "" && hi == "" && !x.Slice3 && !resliced && !(f.m.nilSlices && isSliceType(p.info.TypeOf(x.X))) {
			return f.sequence(x.X) + "[:]"
		}
		// Go panics where a bound is out of range, and a string's are byte offsets
		args := []string{f.sequence(x.X), lo} // p[:4] of p *[8]T slices the array p points to
		if lo == "" {
			args[1] = "0"
		}
		if hi != "" {
			args = append(args, hi)
		}
		if x.Slice3 { // s[a:b:c]: c bounds the capacity, which a slice here does not have
			args = append(args, "most="+f.expr(x.Max))
		}
		if arrayLen(p.info.TypeOf(x.X)) >= 0 {
			args = append(args, "of_array=True") // Go's panic says "with length" of an array
		}
		if f.m.paramViews[x] { // p = p[:n], then written: the caller's array takes the writes
			return "go.param_view(" + strings.Join(args, ", ") + ")"
		}
		if resliced { // a program that asks cap: the capacity past the result's end kept
			return "go.resliced(" + strings.Join(args, ", ") + ")"
		}
		return "go.sliced(" + strings.Join(args, ", ") + ")"
	case *ast.FuncLit:
		return f.closure(x)
	case *ast.TypeAssertExpr:
		iface := reflectType(p.info.TypeOf(x.X)) // main.Shape, error, as Go's panic names it
		if it, ok := types.Unalias(p.info.TypeOf(x.X)).(*types.Interface); ok && it.Empty() {
			iface = "interface {}" // as Go's panic message spells any; type Value interface{} is main.Value
		}
		text := fmt.Sprintf("go.must_assert(%s, %s, %s)", f.expr(x.X), f.assertedType(x), pyString(iface))
		if t := p.info.TypeOf(x.Type); f.m.isStructValue(t) {
			f.m.copyable(t, x)
			text = strings.TrimSuffix(text, ")") + ", value=True)"
			return "go.copy(" + text + ")" // v.Load().(Config): a copy of the value
		}
		return text
	case *ast.KeyValueExpr:
		p.unsupported(x, "a key: value outside a composite literal", "")
	}
	p.unsupported(e, fmt.Sprintf("the expression %T", e), "the expressions listed in docs")
	return ""
}

// embedsPointer: s's method is promoted through a path whose last embedded field
// is a pointer (struct{ *Inner }), which may be nil.
func embedsPointer(s *types.Selection) bool {
	path := embeddedTypes(s)
	return len(path) > 0 && isPointer(path[len(path)-1])
}

// throughPointer: s's method is promoted through an embedded pointer anywhere on
// its path (struct{ *Conn }, or struct{ *Middle } of a Middle embedding Inner),
// which a method value reads as it is made: set := o.Set binds o.Middle's Inner now.
func throughPointer(s *types.Selection) bool {
	return slices.ContainsFunc(embeddedTypes(s), isPointer)
}

// embeddedTypes: the types of the embedded fields s's path goes through.
func embeddedTypes(s *types.Selection) []types.Type {
	var path []types.Type
	t := s.Recv()
	for _, i := range s.Index()[:len(s.Index())-1] {
		if ptr, ok := t.(*types.Pointer); ok {
			t = ptr.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok {
			return nil
		}
		t = st.Field(i).Type()
		path = append(path, t)
	}
	return path
}

// numberKind is the Python number a value of a numeric type t is: "int",
// "float" or "complex" ("" for any other type).
func numberKind(t types.Type) string {
	b, ok := under(t).(*types.Basic)
	switch {
	case !ok:
		return ""
	case b.Info()&types.IsComplex != 0:
		return "complex"
	case b.Info()&types.IsFloat != 0:
		return "float"
	case b.Info()&types.IsInteger != 0:
		return "int"
	}
	return ""
}

func identOf(e ast.Expr) *ast.Ident {
	switch x := e.(type) {
	case *ast.Ident:
		return x
	case *ast.SelectorExpr:
		return x.Sel
	}
	return nil
}

// constExpr keeps the shape of constant expressions that read better than
// their value: a named constant, 5 * time.Second, 2 * timeout.
func (f *fn) constExpr(e ast.Expr) (string, bool) {
	p := f.p
	switch x := e.(type) {
	case *ast.Ident:
		if c, ok := p.info.Uses[x].(*types.Const); ok && c.Parent() != types.Universe && c.Name() != "iota" {
			// an untyped constant holds the Python number of its own kind: one used
			// as another kind converts (return maxIter as a float64 is float(maxIter))
			if use, own := numberKind(p.info.TypeOf(x)), numberKind(c.Type()); use != own && use != "" && own != "" {
				return use + "(" + f.name(c) + ")", true
			}
			if isBasicKind(under(p.info.TypeOf(x)), types.Float32) && !isBasicKind(under(c.Type()), types.Float32) {
				if v := constant.ToFloat(c.Val()); v.Kind() == constant.Float {
					exact, _ := constant.Float32Val(v)
					if f64, _ := constant.Float64Val(v); float32(f64) != exact {
						// a float64 first would land on a float32 halfway point: the value itself
						return "go.Float32(" + floatLiteral(float64(exact)) + ")", true
					}
				}
				return "go.float32(" + f.name(c) + ")", true // var x float32 = Third: rounded, as Go's
			}
			return f.name(c), true
		}
	case *ast.SelectorExpr:
		if c, ok := p.info.Uses[x.Sel].(*types.Const); ok && c.Pkg() != nil && c.Pkg().Path() == "time" {
			switch c.Name() {
			case "Nanosecond", "Microsecond", "Millisecond", "Second", "Minute", "Hour":
				return "sl." + c.Name(), true
			}
		}
	case *ast.ParenExpr:
		if s, ok := f.constExpr(x.X); ok {
			return "(" + s + ")", true
		}
	case *ast.BinaryExpr:
		if x.Op != token.MUL && x.Op != token.ADD && x.Op != token.SUB {
			return "", false
		}
		if b, ok := under(p.info.TypeOf(x)).(*types.Basic); !ok || b.Info()&types.IsInteger == 0 {
			return "", false
		}
		for _, operand := range []ast.Expr{x.X, x.Y} {
			if v := p.info.Types[operand].Value; v == nil || constant.ToInt(v).Kind() != constant.Int {
				return "", false // int(price * 100) of a price of 0.29: Go's exact 29, not a float's product
			}
		}
		l, lok := f.constExpr(x.X)
		r, rok := f.constExpr(x.Y)
		if !lok && !rok {
			return "", false
		}
		if !lok {
			if _, isLit := ast.Unparen(x.X).(*ast.BasicLit); !isLit {
				return "", false
			}
			l = constValue(p.info.Types[x.X].Value, types.Typ[types.Int])
		}
		if !rok {
			if _, isLit := ast.Unparen(x.Y).(*ast.BasicLit); !isLit {
				return "", false
			}
			r = constValue(p.info.Types[x.Y].Value, types.Typ[types.Int])
		}
		return l + " " + x.Op.String() + " " + r, true
	case *ast.CallExpr:
		// time.Duration(5) * time.Second and the like: the value
	}
	return "", false
}

// nilOf: the nil of type t: an empty list for a slice (a go.NilSlice if the
// program compares a slice with nil), go.NIL_MAP, sl.nil_chan, and None for a
// pointer, a function or an interface.
func (m *module) nilOf(t types.Type) string {
	switch under(t).(type) {
	case *types.Chan:
		if n, ok := types.Unalias(t).(*types.Named); ok && m.wrapped[n.Obj()] {
			return m.globals[n.Obj()] + "(sl.nil_chan)" // Ch(nil) of a Ch with a String method: fmt calls it
		}
		return "sl.nil_chan"
	case *types.Map:
		return "go.NIL_MAP"
	case *types.Slice:
		if m.nilSlices {
			return "go.NilSlice()"
		}
		return "[]"
	}
	return "None"
}

func (f *fn) ident(x *ast.Ident) string {
	p := f.p
	switch obj := p.info.Uses[x].(type) {
	case *types.Nil:
		// the nil of the type its context gives it: passed, returned, in a field
		t := p.info.TypeOf(x)
		if typed, ok := p.nils[x]; ok {
			t = typed
		}
		return f.m.nilOf(t)
	case *types.Var:
		if f.m.boxed[obj] {
			return f.cell(obj) // the variable lives in a go.Ref
		}
		return f.name(obj)
	case *types.Func:
		if _, generic := p.info.Instances[x]; generic && f.m.a.byFunc[obj] != nil {
			return f.genericValue(x) // Apply(xs, Longer): its type arguments inferred
		}
		return f.name(obj)
	case *types.Const:
		return f.name(obj)
	case *types.TypeName:
		p.unsupported(x, "a type used as a value", "")
	}
	if x.Name == "_" {
		return "_"
	}
	if obj := p.info.Defs[x]; obj != nil {
		return f.name(obj)
	}
	return x.Name
}

func (f *fn) selector(x *ast.SelectorExpr) string {
	p := f.p
	if sel := p.info.Selections[x]; sel != nil && sel.Kind() == types.MethodExpr {
		// (*W).Run, W.Run: the method as a function of its receiver, the class's
		fn := sel.Obj().(*types.Func)
		if types.IsInterface(sel.Recv()) && isLocalInterface(p, sel.Recv()) {
			return "go.method_expr(" + pyString(fieldName(x.Sel.Name)) + ")" // Component.Start
		}
		if types.Identical(sel.Recv(), types.Universe.Lookup("error").Type()) {
			return "go.error_text" // error.Error
		}
		if methodKey(fn) == "fmt.Stringer.String" { // the value's own method, as a call of it is
			return "go.method_expr(\"String\")"
		}
		if f, ok := timeMethodExprs[methodKey(fn)]; ok {
			return f // slices.SortFunc(ts, time.Time.Compare): a time is its nanoseconds here
		}
		n, ok := derefNamed(sel.Recv())
		// (a named slice, map, func, array, number or string type's too: the
		// function on its class takes the plain value, as its calls do)
		if !ok || f.m.a.byFunc[fn.Origin()] == nil || !f.m.types[n.Obj()] && !f.m.values[n.Obj()] && !f.m.basics[n.Obj()] ||
			n.TypeArgs().Len() > 0 && !f.m.types[n.Obj()] {
			p.unsupported(x, "a method expression of a type that is not the program's named type with methods", "a closure calling the method")
		}
		method := f.m.globals[n.Obj()] + "." + fieldName(x.Sel.Name)
		if _, viaPointer := sel.Recv().(*types.Pointer); viaPointer && !isPointer(fn.Type().(*types.Signature).Recv().Type()) {
			if f.m.types[n.Obj()] {
				return "go.via_pointer(" + method + ")" // a struct's pointer is the object
			}
			// (*Temp).Celsius of a value method: the pointer is a go.Ref, the method takes its value
			return "go.via_pointer(" + method + ", deref=True)"
		}
		return method
	}
	if sel := p.info.Selections[x]; sel != nil {
		recv := f.expr(x.X)
		if sel.Kind() == types.FieldVal {
			if key := fieldKey(sel); key == "time.Timer.C" || key == "time.Ticker.C" {
				return recv + ".c"
			}
			if key := fieldKey(sel); key == "sync.Cond.L" {
				return recv + ".L"
			}
			switch fieldKey(sel) {
			case "sync.Pool.New", "strconv.NumError.Func", "strconv.NumError.Num", "strconv.NumError.Err",
				"io/fs.PathError.Op", "io/fs.PathError.Path", "io/fs.PathError.Err",
				"io.LimitedReader.R", "io.LimitedReader.N",
				"net.OpError.Op", "net.OpError.Net", "net.OpError.Source", "net.OpError.Addr", "net.OpError.Err",
				"net.AddrError.Err", "net.AddrError.Addr",
				"time.ParseError.Layout", "time.ParseError.Value", "time.ParseError.LayoutElem",
				"time.ParseError.ValueElem", "time.ParseError.Message",
				"container/list.Element.Value", "container/ring.Ring.Value",
				"log/slog.Attr.Key", "log/slog.Attr.Value", "log/slog.HandlerOptions.Level",
				"log/slog.HandlerOptions.ReplaceAttr", "log/slog.HandlerOptions.AddSource",
				"log/slog.Record.Time", "log/slog.Record.Message", "log/slog.Record.Level", "log/slog.Record.PC",
				"flag.Flag.Name", "flag.Flag.Usage", "flag.Flag.Value", "flag.Flag.DefValue", "flag.FlagSet.Usage",
				"encoding/json.SyntaxError.Offset", "encoding/json.UnmarshalTypeError.Value",
				"encoding/json.UnmarshalTypeError.Offset", "encoding/json.UnmarshalTypeError.Struct",
				"encoding/json.UnmarshalTypeError.Field", "encoding/json.UnmarshalTypeError.Err",
				"encoding/json.UnmarshalTypeError.Type", "encoding/json.MarshalerError.Type",
				"encoding/json.MarshalerError.Err",
				"encoding/csv.Reader.Comma", "encoding/csv.Reader.Comment", "encoding/csv.Reader.FieldsPerRecord",
				"encoding/csv.Reader.LazyQuotes", "encoding/csv.Reader.TrimLeadingSpace",
				"encoding/csv.Reader.ReuseRecord", "encoding/csv.Writer.Comma", "encoding/csv.Writer.UseCRLF",
				"encoding/csv.ParseError.StartLine", "encoding/csv.ParseError.Line",
				"encoding/csv.ParseError.Column", "encoding/csv.ParseError.Err",
				"net/url.URL.Scheme", "net/url.URL.Opaque", "net/url.URL.User", "net/url.URL.Host", "net/url.URL.Path",
				"net/url.URL.RawPath", "net/url.URL.OmitHost", "net/url.URL.ForceQuery", "net/url.URL.RawQuery",
				"net/url.URL.Fragment", "net/url.URL.RawFragment",
				"net/url.Error.Op", "net/url.Error.URL", "net/url.Error.Err":
				return recv + "." + x.Sel.Name
			}
			if v, ok := sel.Obj().(*types.Var); ok && !p.ours(v.Pkg()) {
				p.unsupported(x, "the field "+x.Sel.Name+" of a standard library type", "its methods")
			}
			return recv + embeddedPath(sel.Recv(), sel.Index()) + "." + fieldName(x.Sel.Name)
		}
		fn := sel.Obj().(*types.Func)
		switch methodKey(fn) {
		case "testing.common.Log", "testing.common.Logf", "testing.common.Error", "testing.common.Errorf":
			return recv + "." + snake(fn.Name()) // t.Logf handed to the code under test as its logger
		}
		if f.m.a.byFunc[fn.Origin()] == nil && (!isLocalInterface(p, sel.Recv()) || promotedIntoValue(p, sel)) &&
			!promotedFromInterface(p, sel) {
			if py, ok := stdMethodValues[methodKey(fn)]; ok && plainMethodValue[py] && sel.Kind() == types.MethodVal &&
				!f.m.a.genFamily(familyOf(p, p.info.TypeOf(x))) {
				if promotedIntoValue(p, sel) || len(sel.Index()) > 1 && isPointer(sel.Recv()) {
					recv += embeddedPath(sel.Recv(), sel.Index()) // done := r.Done of an embedded WaitGroup
				}
				return recv + "." + py // stop := t.Stop: the bound method, called as a plain function
			}
			if atomicMethod(fn) && sel.Kind() == types.MethodVal {
				return "go.yielding(" + recv + "." + atomicName(fn) + ")" // read := hits.Load: a yielded operation
			}
			if snakeMethods[methodKey(fn)] && sel.Kind() == types.MethodVal && len(sel.Index()) == 1 &&
				!f.m.a.genFamily(familyOf(p, p.info.TypeOf(x))) {
				return recv + "." + snake(fn.Name()) // emit := sb.WriteString: the bound method
			}
			if goNamedMethods[methodKey(fn)] && sel.Kind() == types.MethodVal && len(sel.Index()) == 1 &&
				!f.m.a.genFamily(familyOf(p, p.info.TypeOf(x))) {
				return recv + "." + fn.Name() // roll := r.IntN: the bound method
			}
			switch methodKey(fn) {
			case "log.Logger.Printf", "log.Logger.Println", "log.Logger.Print":
				// logf := logger.Printf: the bound method, which prints at once (no pipe to block on)
				if sel.Kind() == types.MethodVal && !f.m.a.pipes && !f.m.a.genFamily(familyOf(p, p.info.TypeOf(x))) {
					return recv + "." + fn.Name()
				}
			}
			if sel.Kind() == types.MethodVal && !f.m.a.genFamily(familyOf(p, p.info.TypeOf(x))) {
				switch {
				case methodKey(fn) == "fmt.Stringer.String":
					// f := s.String of a fmt.Stringer: the value's own method, bound now
					return "go.method_value(go.method_expr(\"String\"), " + recv + ")"
				case types.Identical(sel.Recv(), types.Universe.Lookup("error").Type()):
					return "go.method_value(go.error_text, " + recv + ")" // g := err.Error
				case methodKey(fn) == "time.Duration.String" && !isPointer(p.info.TypeOf(x.X)):
					if len(sel.Index()) > 1 {
						recv += embeddedPath(sel.Recv(), sel.Index()) // f := t.String of a struct{ time.Duration }
					}
					return "go.method_value(sl.format_duration, " + recv + ")" // show := d.String, d read now
				}
			}
			p.unsupported(x, "the method value "+x.Sel.Name+" of a standard library type", "a closure calling it")
		}
		if ptr, ok := sel.Recv().(*types.Pointer); ok && x != f.callee && len(sel.Index()) == 1 {
			if n, ok := types.Unalias(ptr.Elem()).(*types.Named); ok && f.m.basics[n.Obj()] {
				method := f.m.globals[n.Obj()] + "." + fieldName(x.Sel.Name)
				if isPointer(fn.Type().(*types.Signature).Recv().Type()) {
					return "go.method_value(" + method + ", " + recv + ")" // inc := fp.Inc: bound to the pointer
				}
				return f.m.globals[n.Obj()] + "(" + paren(recv) + ".v)." + fieldName(x.Sel.Name) // has := fp.Has: *fp, read now
			}
		}
		if n, ok := types.Unalias(sel.Recv()).(*types.Named); ok && f.m.basics[n.Obj()] {
			if isPointer(fn.Type().(*types.Signature).Recv().Type()) && x != f.callee {
				// inc := n.Inc of a pointer method: bound to &n, the go.Ref
				ref := f.expr(&ast.UnaryExpr{OpPos: x.Pos(), Op: token.AND, X: x.X})
				return "go.method_value(" + f.m.globals[n.Obj()] + "." + fieldName(x.Sel.Name) + ", " + ref + ")"
			}
			return f.m.globals[n.Obj()] + "(" + recv + ")." + fieldName(x.Sel.Name) // c.String: bound to an instance
		}
		if promotedFromInterface(p, sel) {
			return recv + embeddedPath(sel.Recv(), sel.Index()) + "." + fieldName(x.Sel.Name) // the value the field holds, bound
		}
		recvType := sel.Recv()
		if ptr, ok := recvType.(*types.Pointer); ok {
			recvType = ptr.Elem()
		}
		if p.isNamedValue(recvType) {
			if n := namedOf(recvType); n.TypeArgs().Len() > 0 {
				if _, ptrMethod := fn.Type().(*types.Signature).Recv().Type().(*types.Pointer); ptrMethod || isArray(recvType) || len(sel.Index()) > 1 {
					p.unsupported(x, "the method value "+x.Sel.Name+" of a generic named slice, map or func type", "a closure calling it")
				}
				// scale := v.Scale of a Vec[float64]: the method bound to v, given its type arguments
				_, held := f.namedValueReceiver(x, sel, fn)
				kw := f.m.typeKeywords(n.Origin().TypeParams(), n.TypeArgs(), x)
				return "go.method_value(" + f.m.globals[n.Origin().Obj()] + "." + fieldName(x.Sel.Name) + ", " + held + ", " + strings.Join(kw, ", ") + ")"
			}
			// ops["mul"].Apply: the method bound to the value, or to the pointer, that
			// the class holds (go.NamedValue binds it, a copy of an array's)
			cls, held := f.namedValueReceiver(x, sel, fn)
			if _, ptrMethod := fn.Type().(*types.Signature).Recv().Type().(*types.Pointer); ptrMethod {
				return cls + ".pointer(" + held + ")." + fieldName(x.Sel.Name)
			}
			if isArray(recvType) && !strings.HasPrefix(held, "go.copy_array(") {
				if isPointer(sel.Recv()) { // idp := pa.ID of a pa *Frame: a copy of *pa, bound now
					held = f.m.copyArray(held, under(recvType).(*types.Array), x)
				} else {
					held = f.value(x.X)
				}
			}
			return cls + "(" + held + ")." + fieldName(x.Sel.Name)
		}
		if recvType := fn.Type().(*types.Signature).Recv().Type(); x != f.callee && isPointer(recvType) &&
			(len(sel.Index()) == 1 && isPointer(sel.Recv()) || len(sel.Index()) > 1 && throughPointer(sel)) {
			if n, ok := recvType.(*types.Pointer).Elem().(*types.Named); ok && f.m.globals[n.Origin().Obj()] != "" {
				// f := t.Close of a pointer method: t may be nil, which Go reads (or
				// panics on) only when f is called; o.Close promoted from an embedded
				// *Conn, o.Conn
				if len(sel.Index()) > 1 {
					recv += embeddedPath(sel.Recv(), sel.Index())
				}
				return "go.method_value(" + f.m.globals[n.Origin().Obj()] + "." + fieldName(x.Sel.Name) + ", " + recv + ")"
			}
		}
		if x != f.callee && valueReceiver(fn) && len(sel.Index()) > 1 {
			// g := d.Value of a method promoted from an embedded field: that field's value
			path, ft := embeddedField(sel.Recv(), sel.Index())
			recv += path
			recvType = fn.Type().(*types.Signature).Recv().Type()
			if n := namedOf(recvType); n != nil {
				generic := n.TypeArgs().Len() > 0
				if generic && f.m.values[n.Origin().Obj()] || !generic && (f.m.basics[n.Obj()] || p.isNamedValue(n)) {
					if isPointer(ft) {
						recv = "go.deref(" + recv + ").v" // of an embedded *Counter: the number, read now
					}
					cls := f.m.globals[n.Origin().Obj()]
					if generic { // f := s.Len of an embedded Vec[float64]: given its type arguments
						kw := f.m.typeKeywords(n.Origin().TypeParams(), n.TypeArgs(), x)
						return "go.method_value(" + cls + "." + fieldName(x.Sel.Name) + ", " + recv + ", " + strings.Join(kw, ", ") + ")"
					}
					return cls + "(" + recv + ")." + fieldName(x.Sel.Name) // add := w.Add of an embedded Counter or Stock map
				}
			}
		}
		if x != f.callee && valueReceiver(fn) && f.m.isStructValue(recvType) {
			// a method value copies a value receiver where it is evaluated, as a
			// go or defer statement does
			f.m.copyable(recvType, x)
			recv = "go.copy(" + recv + ")"
		}
		return recv + "." + fieldName(x.Sel.Name) // a method value: the bound method
	}
	// a package-qualified name
	obj := p.info.Uses[x.Sel]
	if obj == nil || obj.Pkg() == nil {
		p.unsupported(x, "this selector", "")
	}
	if p.ours(obj.Pkg()) {
		return f.ident(x.Sel) // worker.ErrClosed: a name of another package of the module
	}
	switch obj.Pkg().Path() + "." + obj.Name() {
	case "context.Canceled":
		return "sl.Canceled"
	case "context.DeadlineExceeded":
		return "sl.DeadlineExceeded"
	case "os.Stdout":
		return "go.stdout"
	case "os.Args":
		return "go.os_args(rt)"
	case "io.Discard":
		return "go.discard"
	case "log/slog.DiscardHandler":
		return "go.slog.discard_handler"
	case "io.EOF":
		return "go.EOF"
	case "io.ErrUnexpectedEOF":
		return "go.ErrUnexpectedEOF"
	case "encoding/binary.BigEndian", "encoding/binary.LittleEndian", "encoding/hex.ErrLength":
		return "go." + obj.Name()
	case "encoding/binary.NativeEndian":
		return "go.LittleEndian" // the byte order of every machine Go 1.27 runs on but s390x and ppc64
	case "encoding/csv.ErrBareQuote", "encoding/csv.ErrQuote", "encoding/csv.ErrFieldCount":
		return "go.csv." + obj.Name()
	case "encoding/base64.StdEncoding", "encoding/base64.URLEncoding", "encoding/base64.RawStdEncoding",
		"encoding/base64.RawURLEncoding":
		return "go.base64." + obj.Name()
	case "bufio.ErrTooLong", "bufio.ErrFinalToken", "bufio.ErrNegativeAdvance", "bufio.ErrAdvanceTooFar":
		return "go." + obj.Name()
	case "bufio.ErrBufferFull", "bufio.ErrNegativeCount", "bufio.ErrInvalidUnreadByte", "bufio.ErrInvalidUnreadRune":
		return "go." + obj.Name()
	case "strconv.ErrSyntax", "strconv.ErrRange":
		return "go." + obj.Name()
	case "os.Stderr":
		return "go.stderr"
	case "flag.ErrHelp":
		return "go.flag.ErrHelp"
	case "hash/crc32.IEEETable":
		return "go.IEEE_TABLE"
	case "os.Interrupt", "os.Kill":
		return map[string]string{"Interrupt": "go.Signal(2)", "Kill": "go.Signal(9)"}[obj.Name()]
	case "time.UTC", "time.Local":
		return "go.UTC" // a run's only location (Local is UTC, as TZ=UTC has it)
	case "os.ErrNotExist", "os.ErrExist", "os.ErrClosed", "os.ErrPermission", "os.ErrDeadlineExceeded", "io.ErrClosedPipe",
		"io/fs.ErrNotExist", "io/fs.ErrExist", "io/fs.ErrClosed", "io/fs.ErrPermission",
		"io.ErrShortWrite", "io.ErrShortBuffer", "io.ErrNoProgress", "net.ErrClosed", "errors.ErrUnsupported",
		"path.ErrBadPattern", "path/filepath.ErrBadPattern":
		return "go.LIBRARY_ERRORS[" + pyString(obj.Pkg().Path()+"."+obj.Name()) + "]"
	}
	if fn, ok := obj.(*types.Func); ok {
		if s, ok := f.stdFuncValue(x, fn); ok {
			return s
		}
	}
	if f.unicodeTableName(x) != "" {
		return f.unicodeTableRef(x, x) // []*unicode.RangeTable{unicode.Han}: the table itself
	}
	p.unsupported(x, obj.Pkg().Path()+"."+obj.Name(), "the standard library subset simlab models: see the translate docs")
	return ""
}

// spread renders the elements of append(s, x...): a slice's, or a string's bytes
// (append(b, "text"...) on a []byte).
func (f *fn) spread(x ast.Expr) string {
	if b, ok := rawBytes(f.p, x); ok {
		return b
	}
	if isStringLike(f.p.info.TypeOf(x)) {
		return "list(" + encoded(f.value(x)) + ")" // append(b, s...): s's bytes
	}
	if tp, ok := f.p.info.TypeOf(x).(*types.TypeParam); ok && mixesStringsAndSlices(tp) {
		return "list(go.byte_seq(" + f.value(x) + "))" // a T ~string | ~[]byte: its bytes either way
	}
	if c := f.elemsCopier(x); c != "" {
		return "go.copy_array(" + f.value(x) + ", " + c + ")" // append(dst, src...) copies each value
	}
	return "list(" + f.value(x) + ")"
}

// elemsCopier: the copier of the elements of the slice, array or map x where they
// are struct values or arrays, which a copy of its elements into a new array
// copies in turn (slices.Clone, copy, append(dst, src...)); else "".
func (f *fn) elemsCopier(x ast.Expr) string {
	e := elemType(f.p.info.TypeOf(x))
	if e == nil {
		e = mapElem(f.p.info.TypeOf(x))
	}
	if e == nil {
		return ""
	}
	if tp, ok := e.(*types.TypeParam); ok && !basicTypeSet(tp) {
		// a generic's []T: a copy of each where the type argument is a struct type
		return "lambda e: go.copied(" + tp.Obj().Name() + ", e)"
	}
	return f.m.elemCopier(e, x)
}

// withElemsCopier: a golib call's arguments, and the copier of x's elements as
// its copy_elem where they are struct values or arrays.
func (f *fn) withElemsCopier(args string, x ast.Expr) string {
	if c := f.elemsCopier(x); c != "" {
		return args + ", copy_elem=" + c
	}
	return args
}

// isByteSlice: t is []byte (or a named type of it).
// isEmptySet: t is a map whose values are struct{} (a set), which fmt prints
// map[a:{} b:{}].
func isEmptySet(t types.Type) bool {
	m, ok := under(t).(*types.Map)
	return ok && isEmptyStruct(m.Elem())
}

// isEmpties: t is a set (map[K]struct{}), or a slice or an array of struct{}, whose
// None values fmt must see as {} (go.empties).
func isEmpties(t types.Type) bool {
	e := elemType(t)
	return isEmptySet(t) || e != nil && isEmptyStruct(e)
}

// emptiesPath: the way from a value of t to the struct{} values inside it that fmt
// must see as {}: "s" for an element of a slice or an array, "m" for a map's
// value, each step in turn, then "." for the set or the slice of struct{} there,
// or "k" for a map whose key is struct{} ("K" whose value is too); "" where there is none, or a type on
// the way has a String, Error or Format method (each type is walked once: type
// Tree map[string]Tree holds itself).
func emptiesPath(t types.Type) string {
	path := ""
	for seen := map[types.Type]bool{}; t != nil && !seen[t] && !hasFmtMethod(t); {
		seen[t] = true
		if m, ok := under(t).(*types.Map); ok && isEmptyStruct(m.Key()) && isEmptyStruct(m.Elem()) {
			return path + "K" // map[struct{}]struct{}: its key and its value {}
		}
		if isEmpties(t) {
			return path + "."
		}
		if m, ok := under(t).(*types.Map); ok && isEmptyStruct(m.Key()) {
			return path + "k"
		}
		if e := elemType(t); e != nil {
			path, t = path+"s", e
		} else {
			path, t = path+"m", mapElem(t)
		}
	}
	return ""
}

func isByteSlice(t types.Type) bool {
	sl, ok := under(t).(*types.Slice)
	return ok && isBasicKind(sl.Elem(), types.Byte)
}

func isByteArray(t types.Type) bool {
	a, ok := under(t).(*types.Array)
	return ok && isBasicKind(a.Elem(), types.Byte)
}

// typeSpelling: a Python expression of t's Go name, reflectType's, where a
// type parameter in it (map[K]V in a generic) is spelled by its type argument
// as the generic runs: go.spelled("map[%s]%s", K, V).
func typeSpelling(t types.Type) string {
	var params []string
	name := spellType(t, func(tp *types.TypeParam) string {
		params = append(params, tp.Obj().Name())
		return "%s"
	})
	if len(params) == 0 {
		return pyString(name)
	}
	return "go.spelled(" + pyString(name) + ", " + strings.Join(params, ", ") + ")"
}

// reflectType is t as %T prints it, reflect's spelling: package names for
// qualifiers, interface {} for any, struct { A int } with its spaces, uint8 for
// byte, and a function type without its parameters' names.
func reflectType(t types.Type) string { return spellType(t, nil) }

// spellType: reflectType's spelling, each type parameter spelled by param where
// param is not nil.
func spellType(t types.Type, param func(*types.TypeParam) string) string {
	return spellTypeIn(t, param, false)
}

// spellTypeIn is spellType; inArgs: t is (inside) a type argument of an instance,
// where reflect names a package by its path (main.Box[*math/big.Int]).
func spellTypeIn(t types.Type, param func(*types.TypeParam) string, inArgs bool) string {
	qualifier := func(pkg *types.Package) string {
		if inArgs && pkg.Name() != "main" {
			return pkg.Path()
		}
		return pkg.Name()
	}
	switch t := t.(type) {
	case *types.TypeParam:
		if param != nil {
			return param(t)
		}
	case *types.Alias:
		return spellTypeIn(types.Unalias(t), param, inArgs)
	case *types.Named:
		if args := t.TypeArgs(); args.Len() > 0 && t.Obj().Pkg() != nil { // main.Pair[string,int]
			parts := make([]string, args.Len())
			for i := range parts {
				parts[i] = spellTypeIn(args.At(i), param, true)
			}
			return t.Obj().Pkg().Name() + "." + t.Obj().Name() + "[" + strings.Join(parts, ",") + "]"
		}
		return types.TypeString(t, qualifier)
	case *types.Basic:
		if t.Info()&types.IsUntyped == 0 {
			return types.Typ[t.Kind()].Name() // byte is uint8, rune int32
		}
	case *types.Pointer:
		return "*" + spellTypeIn(t.Elem(), param, inArgs)
	case *types.Slice:
		return "[]" + spellTypeIn(t.Elem(), param, inArgs)
	case *types.Array:
		return fmt.Sprintf("[%d]%s", t.Len(), spellTypeIn(t.Elem(), param, inArgs))
	case *types.Map:
		return "map[" + spellTypeIn(t.Key(), param, inArgs) + "]" + spellTypeIn(t.Elem(), param, inArgs)
	case *types.Chan:
		elem := spellTypeIn(t.Elem(), param, inArgs)
		switch t.Dir() {
		case types.SendOnly:
			return "chan<- " + elem
		case types.RecvOnly:
			return "<-chan " + elem
		}
		if inner, ok := t.Elem().(*types.Chan); ok && inner.Dir() == types.RecvOnly {
			elem = "(" + elem + ")" // chan (<-chan int)
		}
		return "chan " + elem
	case *types.Signature:
		list := func(tuple *types.Tuple, variadic bool) []string {
			var parts []string
			for i := 0; i < tuple.Len(); i++ {
				if variadic && i == tuple.Len()-1 {
					parts = append(parts, "..."+spellTypeIn(tuple.At(i).Type().(*types.Slice).Elem(), param, inArgs))
				} else {
					parts = append(parts, spellTypeIn(tuple.At(i).Type(), param, inArgs))
				}
			}
			return parts
		}
		s := "func(" + strings.Join(list(t.Params(), t.Variadic()), ", ") + ")"
		switch results := list(t.Results(), false); len(results) {
		case 0:
		case 1:
			s += " " + results[0]
		default:
			s += " (" + strings.Join(results, ", ") + ")"
		}
		return s
	case *types.Struct:
		if t.NumFields() == 0 {
			return "struct {}"
		}
		var fields []string
		for i := 0; i < t.NumFields(); i++ {
			if fd := t.Field(i); fd.Embedded() {
				fields = append(fields, spellTypeIn(fd.Type(), param, inArgs))
			} else {
				fields = append(fields, fd.Name()+" "+spellTypeIn(fd.Type(), param, inArgs))
			}
		}
		return "struct { " + strings.Join(fields, "; ") + " }"
	case *types.Interface:
		if t.NumMethods() == 0 && t.NumEmbeddeds() == 0 {
			return "interface {}"
		}
		var methods []string
		for i := 0; i < t.NumMethods(); i++ {
			m := t.Method(i)
			methods = append(methods, m.Name()+strings.TrimPrefix(spellTypeIn(m.Type(), param, inArgs), "func"))
		}
		return "interface { " + strings.Join(methods, "; ") + " }"
	}
	return types.TypeString(t, qualifier)
}

// isResult: v is one of sig's named results.
func isResult(sig *types.Signature, v *types.Var) bool {
	if sig == nil {
		return false
	}
	for i := 0; i < sig.Results().Len(); i++ {
		if sig.Results().At(i) == v {
			return true
		}
	}
	return false
}

// valueReceiver: fn is a method with a value receiver, which Go copies.
func valueReceiver(fn *types.Func) bool {
	recv := fn.Type().(*types.Signature).Recv()
	return recv != nil && !isPointer(recv.Type())
}

// interfaceMethods: the names of its methods, quoted, and ", " before each
// "name": "signature" of those whose names are ambiguous (clashingMethods), the
// signatures golib's Methods checks.
func (m *module) interfaceMethods(it *types.Interface) ([]string, string) {
	var methods []string
	signatures := ""
	for i := 0; i < it.NumMethods(); i++ {
		fn := it.Method(i)
		methods = append(methods, pyString(fieldName(fn.Name())))
		if m.clashingMethods()[fn.Name()] && !hasTypeParam(fn.Type()) {
			signatures += ", " + pyString(fieldName(fn.Name())) + ": " + pyString(typeKey(fn.Type()))
		}
	}
	return methods, signatures
}

// genericValue renders a generic function of the program used as a value, F[T]
// or F with its type arguments inferred: the function given them, go.instantiate(F, T=int). One that blocks, or does not
// where its type's calls are yield from (or the other way round), is refused.
func (f *fn) genericValue(e ast.Expr) string {
	p := f.p
	id, kw := f.instance(e)
	if id == nil {
		p.unsupported(e, "a generic function as a value", "a call: F[T](x), F(x)")
	}
	u := f.m.a.byFunc[p.info.Uses[id].(*types.Func)]
	if u == nil || u.gen != f.m.a.calledAsGenerator(familyOf(p, p.info.TypeOf(e))) {
		p.unsupported(e, "a generic function as a value where it blocks, or another function of its type does", "a closure calling it")
	}
	return "go.instantiate(" + f.name(p.info.Uses[id]) + ", " + kw + ")"
}

// fmtValues: fmt's printing functions, by golib's, as values.
var fmtValues = map[string]string{"fmt.Println": "go.println", "fmt.Print": "go.print", "fmt.Printf": "go.printf",
	"fmt.Sprintln": "go.sprintln", "fmt.Sprint": "go.sprint", "fmt.Sprintf": "go.sprintf"}

// stdFuncValue renders a function of the standard library used as a value
// (apply(strings.ToUpper, s)): a lambda making the call, if simlab models the
// function and the call never blocks.
func (f *fn) stdFuncValue(x *ast.SelectorExpr, fn *types.Func) (string, bool) {
	p := f.p
	sig := fn.Type().(*types.Signature)
	if inst, ok := p.info.Instances[x.Sel]; ok {
		sig = inst.Type.(*types.Signature) // cmp.Compare[int], or with its type inferred
	}
	if sig.Variadic() {
		// p := fmt.Println (Go by Example's first lines): golib's own, which takes
		// its operands as fmt does those of a ...any
		value, ok := fmtValues[fn.Pkg().Path()+"."+fn.Name()]
		if ok && f.m.a.calledAsGenerator(familyOf(p, sig)) {
			value = "go.generator(" + value + ")"
		}
		return value, ok
	}
	call := &ast.CallExpr{Fun: x, Lparen: x.End(), Rparen: x.End()}
	var params []string
	for i := 0; i < sig.Params().Len(); i++ {
		param := sig.Params().At(i)
		name := param.Name()
		if name == "" || name == "_" || f.m.reserved[name] {
			name = fmt.Sprintf("a%d", i)
		}
		id := &ast.Ident{NamePos: x.Pos(), Name: name}
		p.info.Uses[id] = types.NewVar(x.Pos(), p.pkg, name, param.Type())
		call.Args = append(call.Args, id)
		params = append(params, name)
	}
	if sig.Results().Len() == 1 {
		p.info.Types[call] = types.TypeAndValue{Type: sig.Results().At(0).Type()}
	}
	pre := len(f.pre)
	s, yields := f.stdFunc(call, fn.Pkg().Path()+"."+fn.Name())
	if yields || len(f.pre) != pre {
		p.unsupported(x, fn.Pkg().Path()+"."+fn.Name()+" as a value (it blocks)", "a closure calling it")
	}
	value := "lambda " + strings.Join(params, ", ") + ": " + s
	if f.m.a.calledAsGenerator(familyOf(p, sig)) {
		value = "go.generator(" + value + ")" // called with yield from, as its family's generators are
	}
	return value, true
}

// libraryFunc: e names a function of the standard library (slices.Max).
func (f *fn) libraryFunc(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	fn, ok := f.p.info.Uses[sel.Sel].(*types.Func)
	return ok && fn.Pkg() != nil && !f.p.ours(fn.Pkg()) && f.p.info.Selections[sel] == nil
}

func fieldKey(sel *types.Selection) string {
	t := sel.Recv()
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		return n.Obj().Pkg().Path() + "." + n.Obj().Name() + "." + sel.Obj().Name() // os.PathError is fs's
	}
	return ""
}

func (f *fn) unary(x *ast.UnaryExpr) string {
	p := f.p
	switch x.Op {
	case token.ARROW:
		if f.called {
			p.unsupported(x, "a receive after a call in the same statement", "receive into a variable first: v := <-ch")
		}
		if f.shortCkt > 0 {
			p.unsupported(x, "a receive in the right operand of && or ||", "receive into a variable first: v := <-ch")
		}
		ch := f.expr(x.X)
		v := f.temp("v")
		elem := under(p.info.TypeOf(x.X)).(*types.Chan).Elem()
		z, _ := f.m.zero(elem, x)
		if z != "None" && f.m.mayBeClosed(elem) {
			ok := f.temp("ok")
			f.pre = append(f.pre, fmt.Sprintf("%s, %s = yield %s.recv()", v, ok, ch))
			f.pre = append(f.pre, fmt.Sprintf("%s = %s if %s else %s  # a closed channel gives the zero value", v, v, ok, z))
		} else {
			f.pre = append(f.pre, fmt.Sprintf("%s, _ = yield %s.recv()", v, ch))
		}
		return v
	case token.NOT:
		return "not " + f.operand(x.X, 6)
	case token.SUB:
		if wrap := f.m.paramWrap(p.info.TypeOf(x)); wrap != "" {
			return wrap + "(-" + f.operand(x.X, 6) + ")" // -x of an unsigned wraps, and -x of an int8 -128
		}
		return "-" + f.operand(x.X, 6)
	case token.ADD:
		return f.expr(x.X)
	case token.XOR:
		t := p.info.TypeOf(x)
		if _, param := t.(*types.TypeParam); param || isUnsigned(t) {
			if wrap := f.m.paramWrap(t); wrap != "" {
				return wrap + "(~" + f.operand(x.X, 6) + ")" // ^x of an unsigned: its bits flipped
			}
		}
		return "~" + f.operand(x.X, 6)
	case token.AND:
		inner := ast.Unparen(x.X)
		if cl, ok := inner.(*ast.CompositeLit); ok {
			if isEmptyStruct(p.info.TypeOf(cl)) {
				return "go.Ref(go.EMPTY)" // &struct{}{}: a pointer, not nil, to the {} it prints
			}
			if _, isStruct := under(p.info.TypeOf(cl)).(*types.Struct); !isStruct {
				return "go.Ref(" + f.composite(cl, p.info.TypeOf(cl)) + ")" // &IntHeap{2, 1, 5}
			}
			return f.composite(cl, p.info.TypeOf(cl))
		}
		if _, ok := under(p.info.TypeOf(inner)).(*types.Struct); ok {
			if id, isID := inner.(*ast.Ident); isID && isTime(p.info.TypeOf(inner)) && f.m.a.assigns[p.info.Uses[id]] > 0 {
				// a time is a number here: the pointer would keep the time it was given
				p.unsupported(x, "the address of a time.Time variable that is assigned again",
					"a pointer to a struct that holds the time, or a func() time.Time")
			}
			return f.expr(inner) // the struct variable is the object the pointer points to
		}
		return f.ref(x, inner)
	}
	p.unsupported(x, "the operator "+x.Op.String(), "")
	return ""
}

// arrayStays: x, an array, is reached through a pointer or is a local variable
// never assigned again, so that its lists (its rows too) are the array's own for
// as long as a pointer into them lives.
func (f *fn) arrayStays(x ast.Expr) bool {
	if isPointer(f.p.info.TypeOf(x)) {
		return true
	}
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := f.p.info.Uses[id].(*types.Var)
	return ok && !f.p.packageLevel(v) && !f.m.boxed[v] && f.m.a.assigns[v] == 0
}

// ref renders &x for an x that is not a struct: a go.Ref whose v is the variable.
// A field, an element or a package's variable is the Ref of its place, so that
// both see every write; a local variable is copied into a Ref of its own, which is the same only if
// the variable is never assigned again and nothing writes through a pointer of
// its type.
func (f *fn) ref(x *ast.UnaryExpr, inner ast.Expr) string {
	p := f.p
	// a place of a type parameter's type: the struct there, or the Ref, at run time
	tp, generic := p.info.TypeOf(inner).(*types.TypeParam)
	atRunTime := func(place string) string {
		if generic {
			return "go.pointer_at(" + place + ", " + tp.Obj().Name() + ")"
		}
		return place
	}
	switch in := inner.(type) {
	case *ast.SelectorExpr:
		if sel := p.info.Selections[in]; sel != nil && sel.Kind() == types.FieldVal {
			return atRunTime(fmt.Sprintf("go.FieldRef(%s, %q)", f.expr(in.X)+embeddedPath(sel.Recv(), sel.Index()), fieldName(in.Sel.Name)))
		}
	case *ast.IndexExpr:
		if _, ok := under(p.info.TypeOf(in.X)).(*types.Slice); ok {
			return atRunTime(fmt.Sprintf("go.ElemRef(%s, %s)", f.expr(in.X), f.expr(in.Index)))
		}
		if arrayLen(p.info.TypeOf(in.X)) >= 0 {
			// &c[0] of an array: a place in its list, which stays the array's where the
			// array is reached through a pointer or is a variable never assigned again
			if isPointer(p.info.TypeOf(in.X)) {
				return atRunTime(fmt.Sprintf("go.ElemRef(%s, %s)", f.sequence(in.X), f.expr(in.Index)))
			}
			if fx, ok := ast.Unparen(in.X).(*ast.SelectorExpr); ok {
				if sel := p.info.Selections[fx]; sel != nil && sel.Kind() == types.FieldVal {
					// the field's array when the pointer is used, as Go's points into the struct
					return atRunTime(fmt.Sprintf("go.FieldElemRef(%s, %q, %s)", f.expr(fx.X)+embeddedPath(sel.Recv(), sel.Index()), fieldName(fx.Sel.Name), f.expr(in.Index)))
				}
			}
			if id, ok := ast.Unparen(in.X).(*ast.Ident); ok {
				if v, ok := p.info.Uses[id].(*types.Var); ok && !p.packageLevel(v) && !f.m.boxed[v] && f.m.a.assigns[v] == 0 {
					return atRunTime(fmt.Sprintf("go.ElemRef(%s, %s)", f.expr(in.X), f.expr(in.Index)))
				}
			}
			if row, ok := ast.Unparen(in.X).(*ast.IndexExpr); ok && arrayLen(p.info.TypeOf(row.X)) >= 0 && f.arrayStays(row.X) {
				// b[r][c].Flip() of a b *Board ([8][8]Piece), or of a local board never
				// assigned again: a place in the row's list, which the array holds
				return atRunTime(fmt.Sprintf("go.ElemRef(%s, %s)", f.expr(in.X), f.expr(in.Index)))
			}
		}
	case *ast.Ident:
		v, ok := p.info.Uses[in].(*types.Var)
		if ok && f.m.sharedLoopVar(v) {
			p.unsupported(x, "the address of a for loop's variable before Go 1.22, one variable for the whole loop",
				"go 1.22 or later in go.mod, or a copy made in the loop's body: v := v")
		}
		if ok && f.m.boxed[v] {
			return f.name(v) // the go.Ref the variable lives in
		}
		if ok && p.packageLevel(v) {
			return "go.GlobalRef(globals(), " + pyString(f.name(v)) + ")" // reads and writes the global
		}
		if ok && !p.packageLevel(v) && f.m.a.assigns[v] == 0 && !f.m.writtenThrough(v.Type()) {
			return boxer(v) + "(" + f.expr(in) + ")"
		}
		p.unsupported(x, "the address of a loop, select or switch variable that is assigned again or written through a pointer",
			"copy it into a variable declared with var or :=")
	}
	p.unsupported(x, "a pointer to this value", "a pointer to a struct, a field, a slice element, or an element of an array variable never assigned again")
	return ""
}

// ptrKey: t's name, as ptrWrites knows it: a generic type's for each of its
// instances (a method of stack[T] writes *s for every stack[int]).
func ptrKey(t types.Type) string {
	if n, ok := t.(*types.Named); ok && n.TypeArgs().Len() > 0 {
		return types.TypeString(n.Origin(), nil)
	}
	return types.TypeString(t, nil)
}

// anyPointee: the key of ptrWrites that says some statement writes through a
// pointer to a type parameter's value, which may be a value of any type.
const anyPointee = "*T"

// writtenThrough: some statement may write a value of type t through a pointer.
func (m *module) writtenThrough(t types.Type) bool {
	if m.ptrWrites()[ptrKey(t)] || m.ptrWrites()[anyPointee] {
		return true
	}
	for _, g := range m.tparamWrites {
		if mayInstantiate(g, t) {
			return true
		}
	}
	return false
}

// mayInstantiate: some type arguments for g's type parameters make it t ([]T
// becomes []string), as far as its shape tells.
func mayInstantiate(g, t types.Type) bool {
	switch g := g.(type) {
	case *types.TypeParam:
		return true
	case *types.Pointer:
		u, ok := under(t).(*types.Pointer)
		return ok && mayInstantiate(g.Elem(), u.Elem())
	case *types.Slice:
		u, ok := under(t).(*types.Slice)
		return ok && mayInstantiate(g.Elem(), u.Elem())
	case *types.Array:
		u, ok := under(t).(*types.Array)
		return ok && g.Len() == u.Len() && mayInstantiate(g.Elem(), u.Elem())
	case *types.Chan:
		u, ok := under(t).(*types.Chan)
		return ok && mayInstantiate(g.Elem(), u.Elem())
	case *types.Map:
		u, ok := under(t).(*types.Map)
		return ok && mayInstantiate(g.Key(), u.Key()) && mayInstantiate(g.Elem(), u.Elem())
	case *types.Named:
		n, ok := types.Unalias(t).(*types.Named)
		return ok && n.Origin() == g.Origin()
	}
	return true // a func or struct type of T's: as if it may
}

// ptrWrites: the types (by name) that some statement writes through a pointer: *p = v.
func (m *module) ptrWrites() map[string]bool {
	if m.writes != nil {
		return m.writes
	}
	m.writes = map[string]bool{}
	for _, file := range m.p.files {
		ast.Inspect(file, func(n ast.Node) bool {
			var lhs []ast.Expr
			switch n := n.(type) {
			case *ast.AssignStmt:
				lhs = n.Lhs
			case *ast.IncDecStmt:
				lhs = []ast.Expr{n.X}
			}
			for _, l := range lhs {
				if st, ok := ast.Unparen(l).(*ast.StarExpr); ok {
					t := m.p.info.TypeOf(st)
					if _, generic := t.(*types.TypeParam); generic {
						m.writes[anyPointee] = true // *p = v of a *T: a pointer to any type
					} else if hasTypeParam(t) {
						m.tparamWrites = append(m.tparamWrites, t) // *dst = append(*dst, v) of a *[]T
					}
					m.writes[ptrKey(t)] = true
				}
			}
			if c, ok := n.(*ast.CallExpr); ok && len(c.Args) > 0 {
				switch calleeName(m.p, c) {
				case "encoding/json.Unmarshal", "encoding/json.Decode":
					jsonWrites(m.p.info.TypeOf(c.Args[len(c.Args)-1]), m.writes, map[types.Type]bool{})
				case "flag.IntVar", "flag.Int64Var", "flag.UintVar", "flag.Uint64Var", "flag.StringVar", "flag.BoolVar",
					"flag.Float64Var", "flag.DurationVar": // a FlagSet's Parse sets the variable
					if ptr, ok := m.p.info.TypeOf(c.Args[0]).(*types.Pointer); ok {
						m.writes[ptrKey(ptr.Elem())] = true
					}
				case "fmt.Sscan", "fmt.Sscanf", "fmt.Sscanln", "fmt.Fscan", "fmt.Fscanf", "fmt.Fscanln",
					"fmt.Scan", "fmt.Scanf", "fmt.Scanln": // each operand, a pointer from anywhere (target.(*int))
					for _, a := range c.Args {
						if ptr, ok := m.p.info.TypeOf(a).(*types.Pointer); ok {
							m.writes[ptrKey(ptr.Elem())] = true
						}
					}
				}
			}
			return true
		})
	}
	return m.writes
}

// jsonWrites: json.Unmarshal decodes through every pointer its target's type
// reaches (an *int field's target is written, as *p = v would).
func jsonWrites(t types.Type, writes map[string]bool, seen map[types.Type]bool) {
	if seen[t] {
		return
	}
	seen[t] = true
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		writes[ptrKey(u.Elem())] = true
		jsonWrites(u.Elem(), writes, seen)
	case *types.Slice:
		jsonWrites(u.Elem(), writes, seen)
	case *types.Array:
		jsonWrites(u.Elem(), writes, seen)
	case *types.Map:
		jsonWrites(u.Elem(), writes, seen)
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			jsonWrites(u.Field(i).Type(), writes, seen)
		}
	}
}

// Go's operator precedence, for parentheses.
func prec(op token.Token) int { return op.Precedence() }

func (f *fn) operand(e ast.Expr, parent int) string {
	s := f.expr(e)
	if _, isCall := ast.Unparen(e).(*ast.CallExpr); isCall && topLevelSpace(s) {
		return "(" + s + ")" // time.Since(t) is rt.now - t: an operand in parentheses
	}
	if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && (prec(b.Op) < parent || bitwise(b.Op)) {
		if _, isParen := e.(*ast.ParenExpr); !isParen {
			return "(" + s + ")"
		}
	}
	if strings.HasPrefix(s, "not ") || strings.HasPrefix(s, "yield") || strings.HasPrefix(s, "lambda ") {
		return "(" + s + ")" // strings.ToUpper == nil: a lambda would take the comparison as its body
	}
	return s
}

func bitwise(op token.Token) bool {
	switch op {
	case token.AND, token.OR, token.XOR, token.SHL, token.SHR, token.AND_NOT:
		return true
	}
	return false
}

func (f *fn) binary(x *ast.BinaryExpr) string {
	p := f.p
	pr := prec(x.Op)
	switch x.Op {
	case token.LAND, token.LOR:
		l := f.operand(x.X, pr)
		f.shortCkt++
		r := f.operand(x.Y, pr+1)
		f.shortCkt--
		op := "and"
		if x.Op == token.LOR {
			op = "or"
		}
		return l + " " + op + " " + r
	case token.EQL, token.NEQ:
		return f.compare(f.operand(x.X, pr+1), x.X, x.Y, x.Op.String())
	}
	t := p.info.TypeOf(x)
	wrap := ""
	if x.Op == token.SHL && (isPlainInt64(t) || isDuration(t)) && p.info.Types[x].Value == nil {
		wrap = "go.int64" // a shift pushes bits out of an int64 as Go's does: x << 24
	} else if tp := int64Param(t); x.Op == token.SHL && tp != nil {
		wrap = "go.wrapping64(" + tp.Obj().Name() + ")" // of a T ~int64 too
	}
	_, param := t.(*types.TypeParam)
	bits := x.Op == token.SHR || x.Op == token.AND || x.Op == token.OR || x.Op == token.AND_NOT || x.Op == token.XOR
	if x.Op == token.ADD || x.Op == token.SUB || x.Op == token.MUL || x.Op == token.SHL && wrap == "" || param && bits {
		wrap = f.m.paramWrap(t) // h * 16777619 of a uint32 wraps as Go's does; x & 3 of a T is a T
		// an operand wrapping in the same ring needs no wrap of its own: the sum of
		// the remainders has the remainder of the sum
		for _, e := range []ast.Expr{x.X, x.Y} {
			if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && wrap != "" && !float32Set(t) && types.Identical(p.info.TypeOf(b), t) &&
				(b.Op == token.ADD || b.Op == token.SUB || b.Op == token.MUL) && (e == x.X || x.Op != token.SHL) {
				if f.unwrapped == nil {
					f.unwrapped = map[*ast.BinaryExpr]bool{}
				}
				f.unwrapped[b] = true
			}
		}
	}
	if f.operands == nil {
		f.operands = map[ast.Expr]bool{}
	}
	if !float32Set(t) { // a float32's constant operand rounds to float32 first, as Go's
		f.operands[x.X], f.operands[x.Y] = true, true // x + 1 of an N float64 is a float in Python too
	}
	l := f.operand(x.X, pr)
	r := f.operand(x.Y, pr+1)
	inlineCheck := false
	if prod, ok := ast.Unparen(x.X).(*ast.BinaryExpr); ok && x.Op == token.QUO && prod.Op == token.MUL && isPlainInt64(t) &&
		isPlainInt64(p.info.TypeOf(prod)) && p.info.Types[prod].Value == nil && (sameVar(p, prod.X, x.Y) || sameVar(p, prod.Y, x.Y)) {
		// (a*b)/b != a, an overflow check in one expression: the product wraps as
		// Go's does, and so does the quotient (MinInt64 / -1)
		l, inlineCheck = "go.int64("+l+")", true
	}
	switch x.Op {
	case token.LSS, token.GTR, token.LEQ, token.GEQ:
		// bal+amt < bal, i+1 < 0: a sum's overflow checked in one expression wraps as Go's
		if checkedSum(p, x.X, x.Y) {
			l = "go.int64(" + l + ")"
		}
		if checkedSum(p, x.Y, x.X) {
			r = "go.int64(" + r + ")"
		}
	}
	if isBasicKind(t, types.Float32) && p.info.Types[x].Value == nil {
		// each float32 operation rounds to float32, as Go's does
		switch x.Op {
		case token.ADD, token.SUB, token.MUL, token.QUO:
			return float32Op(l, x.Op.String(), r)
		}
	}
	op := x.Op.String()
	if x.Op == token.AND_NOT {
		op, r = "&", "~"+r
	}
	if wrap != "" && !f.unwrapped[x] {
		return wrap + "(" + l + " " + op + " " + r + ")"
	}
	if q, ok := f.m.typeParamQuo(t, x.Op, l, r); ok {
		return q
	}
	if isInt(t) && (x.Op == token.QUO || x.Op == token.REM) {
		if b := under(t).(*types.Basic); b.Info()&types.IsUnsigned != 0 && p.info.Types[x.Y].Value != nil {
			// a constant divisor is not zero; a variable one may be, Go's panic
			if x.Op == token.QUO {
				return l + " // " + r
			}
			return l + " % " + r
		}
		if x.Op == token.QUO {
			if inlineCheck || f.checkedQuotient(x) {
				return fmt.Sprintf("go.int64(go.quo(%s, %s))", l, r) // an overflow check's: MinInt64 / -1 wraps
			}
			if wrap := intWrap(t); wrap != "" && mayBeMinusOne(p, x.Y) {
				return fmt.Sprintf("%s(go.quo(%s, %s))", wrap, l, r) // an int8's -128 / -1 wraps to -128
			}
			return fmt.Sprintf("go.quo(%s, %s)", l, r)
		}
		return fmt.Sprintf("go.rem(%s, %s)", l, r)
	}
	if x.Op == token.QUO && isFloat(t) && mayBeZero(p, x.Y) {
		return fmt.Sprintf("go.quo_float(%s, %s)", l, r) // x / 0.0 is an infinity or NaN
	}
	if x.Op == token.QUO && isComplex(t) {
		return fmt.Sprintf("go.quo_complex(%s, %s)", l, r) // Go's division: (1+0i) / 0 is (+Inf+NaNi)
	}
	return l + " " + op + " " + r
}

// compare renders l == r / l != r: identity for references, equality for values.
func (f *fn) compare(l string, le, re ast.Expr, op string) string {
	p := f.p
	r := f.operand(re, 4)
	lt, rt := p.info.TypeOf(le), p.info.TypeOf(re)
	isNil := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return false
		}
		_, ok = p.info.Uses[id].(*types.Nil)
		return ok
	}
	t := lt
	if isNil(le) || types.IsInterface(rt) && !isTypeParam(rt) && !types.IsInterface(lt) {
		t = rt // Rect{3, 4} == shapes[1]: the struct converted, compared as interface values are
	}
	switch under(t).(type) {
	case *types.Slice, *types.Map:
		if isNil(le) {
			l, r = r, l
		}
		not := ""
		if op == "!=" {
			not = "not "
		}
		if _, ok := under(t).(*types.Slice); ok {
			return not + "go.is_nil(" + l + ")" // a go.NilSlice nothing was appended to
		}
		return l + " is " + not + "go.NIL_MAP" // one value is every nil map
	case *types.Array:
		if elem := under(t).(*types.Array).Elem(); f.m.elemCopier(elem, le) != "" || mayHoldNaN(elem) {
			// element by element, a struct value field by field, a NaN unequal to itself
			args := l + ", " + r
			for isArray(elem) {
				elem = under(elem).(*types.Array).Elem()
			}
			if types.IsInterface(elem) && !isTypeParam(elem) {
				args += ", go.equal" // [1]error{a} == [1]error{b}: as interface values compare
			}
			if op == "==" {
				return "go.array_equal(" + args + ")"
			}
			return "not go.array_equal(" + args + ")"
		}
	case *types.Struct:
		if isTime(t) {
			break // an int, the instant
		}
		// field by field, as Go compares struct values (a struct field a struct in turn)
		f.m.copyable(t, le) // its class names its struct-valued fields: go_values
		if op == "==" {
			return "go.struct_equal(" + l + ", " + r + ")"
		}
		return "not go.struct_equal(" + l + ", " + r + ")"
	}
	if f.m.wrappedType(lt) != "" || f.m.wrappedType(rt) != "" {
		if _, isChan := under(t).(*types.Chan); !isChan {
			p.unsupported(le, "comparing a channel of a type with methods", "comparing the channels before the conversion")
		}
		// sem == nil of a type Sem chan T with methods: the channel its class holds
		if f.m.wrappedType(lt) != "" {
			l = paren(l) + ".v"
		}
		if f.m.wrappedType(rt) != "" {
			r = paren(r) + ".v"
		}
	}
	if ptr, ok := under(t).(*types.Pointer); ok && !isNil(le) && !isNil(re) {
		if _, isStruct := under(ptr.Elem()).(*types.Struct); !isStruct {
			// &a == &a[0]'s kin: a go.Ref, or a FieldRef or an ElemRef made by each &
			if op == "==" {
				return "go.pointer_equal(" + l + ", " + r + ")"
			}
			return "not go.pointer_equal(" + l + ", " + r + ")"
		}
	}
	if tp, ok := t.(*types.TypeParam); ok && basicTypeSet(tp) {
		return l + " " + op + " " + r // x != 0 of a T ~uint16: by value, whatever class &= left x in
	}
	if tp, ok := t.(*types.TypeParam); ok && !isNil(le) && !isNil(re) && isTypeParam(lt) && isTypeParam(rt) {
		// a == b of two T values: a struct type argument's by value, a pointer's by address
		if op == "==" {
			return "go.equal_as(" + tp.Obj().Name() + ", " + l + ", " + r + ")"
		}
		return "not go.equal_as(" + tp.Obj().Name() + ", " + l + ", " + r + ")"
	}
	identity := false
	switch under(t).(type) {
	case *types.Pointer, *types.Chan, *types.Signature, *types.Interface:
		identity = true
	}
	if _, isChan := under(t).(*types.Chan); isChan {
		if isNil(re) {
			r = "sl.nil_chan"
		}
		if isNil(le) {
			l = "sl.nil_chan"
		}
	}
	if _, iface := under(t).(*types.Interface); iface && !isNil(le) && !isNil(re) && !identityType(lt) && !identityType(rt) {
		// Go compares interface values by dynamic type and value: 5000 == 5000 whatever
		// object holds each, a pointer only to itself
		if op == "==" {
			return "go.equal(" + l + ", " + r + ")"
		}
		return "not go.equal(" + l + ", " + r + ")"
	}
	if identity {
		if op == "==" {
			return l + " is " + r
		}
		return l + " is not " + r
	}
	return l + " " + op + " " + r
}

// elemZero: a function making the zero value of an element of the slice s.
func (f *fn) elemZero(s ast.Expr, at ast.Node) string {
	z, _ := f.m.zero(under(f.p.info.TypeOf(s)).(*types.Slice).Elem(), at)
	return "lambda: " + z
}

// equality: the function that tells two values of the comparable type t equal
// as compare renders their ==, or "" for Python's ==.
func (f *fn) equality(t types.Type, at ast.Node) string {
	if tp, ok := t.(*types.TypeParam); ok {
		if basicTypeSet(tp) {
			return ""
		}
		return "lambda a, b: go.equal_as(" + tp.Obj().Name() + ", a, b)" // as compare's a == b
	}
	switch u := under(t).(type) {
	case *types.Array:
		if f.m.elemCopier(u.Elem(), at) != "" || mayHoldNaN(u.Elem()) {
			return "go.array_equal"
		}
	case *types.Struct:
		if isTime(t) {
			return "" // an int, the instant
		}
		f.m.copyable(t, at) // its class names its struct-valued fields: go_values
		return "go.struct_equal"
	case *types.Interface:
		return "go.equal"
	case *types.Pointer:
		if _, isStruct := under(u.Elem()).(*types.Struct); !isStruct {
			return "go.pointer_equal"
		}
		return "lambda a, b: a is b"
	case *types.Chan:
		return "lambda a, b: a is b"
	}
	return ""
}

// identityType: values of t are equal only to themselves (pointers, channels, functions).
func identityType(t types.Type) bool {
	switch under(t).(type) {
	case *types.Pointer, *types.Chan, *types.Signature:
		return true
	}
	return false
}

// syncCond renders sync.NewCond(l), or &sync.Cond{L: l}, at.
func (f *fn) syncCond(at ast.Node, l ast.Expr) string {
	ptr, ok := f.p.info.TypeOf(l).(*types.Pointer)
	mutex := ok && (isNamed(ptr.Elem(), "sync", "Mutex") || isNamed(ptr.Elem(), "sync", "RWMutex"))
	if !mutex && (f.p.localLocker() || ok && ownLockMethods(f.p, ptr.Elem())) { // sync.NewCond(&countingLocker{})
		f.p.unsupported(at, "a sync.Cond over a sync.Locker that may hold a lock of the program's", "sync.NewCond(&mu) of a sync.Mutex or sync.RWMutex")
	}
	return "rt.cond(" + f.value(l) + ")"
}

func (f *fn) composite(x *ast.CompositeLit, t types.Type) string {
	p := f.p
	if ptr, ok := t.(*types.Pointer); ok {
		if _, isStruct := under(ptr.Elem()).(*types.Struct); !isStruct {
			return "go.Ref(" + f.composite(x, ptr.Elem()) + ")" // {1, 2} of a []*[2]int: &[2]int{1, 2}
		}
		t = ptr.Elem()
	}
	switch u := under(t).(type) {
	case *types.Struct:
		n, ok := types.Unalias(t).(*types.Named) // os.PathError is fs.PathError
		if ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path()+"."+n.Obj().Name() == "sync.Pool" && len(x.Elts) == 1 {
			if kv, isKV := x.Elts[0].(*ast.KeyValueExpr); isKV && kv.Key.(*ast.Ident).Name == "New" {
				return "go.Pool(New=" + f.value(kv.Value) + ")" // sync.Pool{New: func() any {...}}
			}
		}
		if ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path()+"."+n.Obj().Name() == "sync.Cond" && len(x.Elts) == 1 {
			if kv, isKV := x.Elts[0].(*ast.KeyValueExpr); isKV && kv.Key.(*ast.Ident).Name == "L" {
				return f.syncCond(x, kv.Value) // &sync.Cond{L: &mu}: sync.NewCond(&mu)
			}
		}
		cls := ""
		if ok && n.Obj().Pkg() != nil {
			// &fs.PathError{Op: "open", Path: p, Err: fs.ErrNotExist} (os's too), and kin
			cls = libraryStructs[n.Obj().Pkg().Path()+"."+n.Obj().Name()]
		}
		if ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "log/slog" {
			switch n.Obj().Name() {
			case "HandlerOptions":
				f.slogOptions(x)
				cls = "go.slog.HandlerOptions"
			case "Attr":
				cls = "go.slog.Attr"
			case "LevelVar":
				return "go.slog.LevelVar()" // &slog.LevelVar{}, whose fields are unexported: new(slog.LevelVar)
			default:
				p.unsupported(x, "a "+n.String()+" literal", "slog's functions")
			}
		}
		if ok && n.Obj().Pkg() != nil && len(x.Elts) == 0 && cls == "" && !p.ours(n.Obj().Pkg()) {
			// sync.Mutex{}, &errgroup.Group{}: a fresh primitive; time.Time{}: the zero time
			z, _ := f.m.zero(t, x)
			return z
		}
		switch {
		case cls != "":
		case ok && f.m.types[n.Obj()]:
			cls = f.m.globals[n.Obj()]
		case !ok && f.m.anonClass(u) != "":
			cls = f.m.anonClass(u) // an anonymous struct type: literalStructs made its class
		case u.NumFields() == 0:
			return "None"
		case ok:
			p.unsupported(x, "a "+n.Obj().Pkg().Name()+"."+n.Obj().Name()+" literal with fields", "the package's function that makes one, or its zero value")
		default:
			p.unsupported(x, "an anonymous struct or a struct of another package", "a named struct type of the program")
		}
		var args []string
		promoted := map[int]*ast.CompositeLit{} // Outer{N: 7} of a field of an embedded Inner (Go 1.27)
		var embedded []int
		for i, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				name := kv.Key.(*ast.Ident).Name
				if k := fieldIndex(u, name); u.Field(k).Name() != name {
					pkg := f.p.pkg
					if ok { // an unexported field is looked up in the package that declares it
						pkg = n.Obj().Pkg()
					}
					obj, index, _ := types.LookupFieldOrMethod(t, false, pkg, name)
					if _, isField := obj.(*types.Var); !isField || len(index) < 2 {
						p.unsupported(kv, "the field "+name+" in this literal", "a field of the struct type")
					}
					lit := promoted[index[0]]
					if lit == nil {
						lit = &ast.CompositeLit{Lbrace: x.Lbrace, Rbrace: x.Rbrace}
						promoted[index[0]] = lit
						embedded = append(embedded, index[0])
					}
					lit.Elts = append(lit.Elts, kv)
					continue
				}
				args = append(args, fieldName(name)+"="+f.elem(kv.Value, u.Field(fieldIndex(u, name)).Type()))
			} else if u.Field(i).Name() != "_" {
				args = append(args, f.elem(el, u.Field(i).Type()))
			}
		}
		for _, i := range embedded { // Mid: Mid{Inner: Inner{N: 7}}, as Go fills it
			args = append(args, fieldName(u.Field(i).Name())+"="+f.composite(promoted[i], u.Field(i).Type()))
		}
		if ok {
			args = append(args, f.m.typeArgs(n, x)...)
		}
		return cls + "(" + strings.Join(args, ", ") + ")"
	case *types.Slice:
		var els []string
		next := 0
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				// []int{2, 3, 9: 29, 31}: the elements a key skips are zero, as in an array literal
				k, _ := constant.Int64Val(p.info.Types[kv.Key].Value)
				next, el = int(k), kv.Value
			}
			for len(els) < next {
				z, _ := f.m.zero(u.Elem(), x)
				els = append(els, z)
			}
			if next < len(els) {
				els[next] = f.elem(el, u.Elem())
			} else {
				els = append(els, f.elem(el, u.Elem()))
			}
			next++
		}
		return "[" + strings.Join(els, ", ") + "]"
	case *types.Map:
		var els []string
		for _, el := range x.Elts {
			kv := el.(*ast.KeyValueExpr)
			key := f.elem(kv.Key, u.Key())
			if f.p.arrayKeys[kv.Key] && !strings.HasPrefix(key, "go.array_key(") {
				key = "go.array_key(" + key + ")" // {{0, 0}: true}, the array's type elided
			}
			if keyedMap(u) != "" {
				els = append(els, "("+key+", "+f.elem(kv.Value, u.Elem())+")")
				continue
			}
			els = append(els, key+": "+f.elem(kv.Value, u.Elem()))
		}
		if cls := keyedMap(u); cls != "" {
			return cls + "([" + strings.Join(els, ", ") + "])"
		}
		return "{" + strings.Join(els, ", ") + "}"
	case *types.Array:
		// [3]int{1, 2}, [...]string{"a", "b"}, [5]int{2: 7}: every element, zero where
		// the literal gives none
		elem := f.m.arrayElem(u, x)
		z, _ := f.m.zero(elem, x)
		els := make([]string, u.Len())
		for i := range els {
			els[i] = z
		}
		next := int64(0)
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				k, _ := constant.Int64Val(p.info.Types[kv.Key].Value)
				next = k
				el = kv.Value
			}
			els[next] = f.elem(el, elem)
			next++
		}
		return "[" + strings.Join(els, ", ") + "]"
	}
	p.unsupported(x, "this composite literal", "")
	return ""
}

func fieldIndex(st *types.Struct, name string) int {
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i).Name() == name {
			return i
		}
	}
	return 0
}

// elem renders an element of a composite literal (whose type may be elided).
func (f *fn) elem(e ast.Expr, t types.Type) string {
	if cl, ok := e.(*ast.CompositeLit); ok && cl.Type == nil {
		return f.composite(cl, t)
	}
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		if cl, ok := u.X.(*ast.CompositeLit); ok && cl.Type == nil {
			return f.composite(cl, t)
		}
	}
	return f.value(e)
}

// mayBlock: calling the function value e may block (a generator in simlab): a
// closure or a function of the program that blocks, or any of e's family.
func (f *fn) mayBlock(e ast.Expr) bool {
	a := f.m.a
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return a.byLit[e] != nil && a.byLit[e].gen
	case *ast.Ident:
		if fn, ok := f.p.info.Uses[e].(*types.Func); ok {
			return a.byFunc[fn] != nil && a.byFunc[fn].gen
		}
	}
	return a.genFamily(familyOf(f.p, f.p.info.TypeOf(e)))
}

// blocksItself: e is a function literal or a function of the program that blocks,
// not one that is a generator only because another function of its type blocks.
func (f *fn) blocksItself(e ast.Expr) bool {
	a := f.m.a
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return a.byLit[e] != nil && a.byLit[e].gen && !a.byLit[e].forced && blocksBesideValues(a.byLit[e], map[*unit]bool{})
	case *ast.Ident:
		if fn, ok := f.p.info.Uses[e].(*types.Func); ok {
			return a.byFunc[fn] != nil && a.byFunc[fn].gen && !a.byFunc[fn].forced && blocksBesideValues(a.byFunc[fn], map[*unit]bool{})
		}
	}
	return false
}

// blocksBesideValues: u blocks itself or through the functions it calls by name,
// not only through the function values it calls (func(r Row) bool { return !f(r) }
// of an f whose type an iterator's yield shares): go.plain runs one of those at
// once, ending the run in one line if it does block.
func blocksBesideValues(u *unit, seen map[*unit]bool) bool {
	if u.direct || len(u.stdCalls) > 0 {
		return true
	}
	seen[u] = true
	for _, c := range u.calls {
		if c.gen && !seen[c] && blocksBesideValues(c, seen) {
			return true
		}
	}
	return false
}

// plainInterfaceMethods refuses a sort.Interface or heap.Interface whose methods
// block: golib's sort and heap call them as plain functions. Its other methods
// (a Close that locks) are not called.
func (f *fn) plainInterfaceMethods(c *ast.CallExpr) {
	if len(c.Args) == 0 || !strings.HasPrefix(calleeName(f.p, c), "sort.") && !strings.HasPrefix(calleeName(f.p, c), "container/heap.") {
		return
	}
	ms := types.NewMethodSet(f.p.info.TypeOf(c.Args[0]))
	for i := 0; i < ms.Len(); i++ {
		if fn, ok := ms.At(i).Obj().(*types.Func); ok {
			switch fn.Name() {
			case "Len", "Less", "Swap", "Push", "Pop":
			default:
				continue
			}
			if u := f.m.a.byFunc[fn.Origin()]; u != nil && u.gen {
				f.p.unsupported(c, "a "+calleeName(f.p, c)+" whose "+fn.Name()+" method blocks", "methods that only compare, swap, push and pop")
			}
		}
	}
}

// namedValueReceiver: for x.M() of a named slice, map or func type's method (or a
// named number's where a pointer is the receiver or holds it), its
// class and the receiver it is called with: x, or what x points to (a go.Ref's
// v) for a value method, or the go.Ref of x for a pointer method.
func (f *fn) namedValueReceiver(sel *ast.SelectorExpr, s *types.Selection, fn *types.Func) (string, string) {
	t := types.Unalias(s.Recv())
	ptr, isPtr := t.(*types.Pointer)
	if isPtr {
		t = ptr.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || !f.m.values[n.Obj()] && !(f.m.basics[n.Obj()] && (isPtr || isPointer(fn.Type().(*types.Signature).Recv().Type()))) {
		return "", ""
	}
	_, ptrMethod := fn.Type().(*types.Signature).Recv().Type().(*types.Pointer)
	switch {
	case ptrMethod && !isPtr:
		return f.m.globals[n.Obj()], f.expr(&ast.UnaryExpr{OpPos: sel.Pos(), Op: token.AND, X: sel.X})
	case !ptrMethod && isPtr:
		return f.m.globals[n.Obj()], f.operand(sel.X, 7) + ".v"
	case !ptrMethod && isArray(n) && writesReceiver(f.p, f.m.a.byFunc[fn.Origin()]):
		return f.m.globals[n.Obj()], f.value(sel.X) // b.With(1, 1, 'X') writes its copy of b
	}
	return f.m.globals[n.Obj()], f.expr(sel.X)
}

func isArray(t types.Type) bool {
	_, ok := under(t).(*types.Array)
	return ok
}

// writesReceiver: the method u may write its receiver (anything but reading it
// where it stands: see readsOnly), so that a value receiver must be the caller's copy.
func writesReceiver(p *program, u *unit) bool {
	if u == nil || u.decl == nil || u.decl.Body == nil {
		return false
	}
	names := u.decl.Recv.List[0].Names
	if len(names) == 0 || names[0].Name == "_" {
		return false
	}
	return !readsOnly(p, u.decl.Body, p.info.Defs[names[0]], nil, 0)
}

// fmtArgs renders the operands of a fmt function: a Duration prints as Go prints
// it (under %v and %s; its number under %d). formatted: the first operand is a format.
func (f *fn) fmtArgs(c *ast.CallExpr, formatted bool) string {
	text := textVerbs(f.p, c.Args, formatted)
	var verbs []byte       // the verb of each operand after the format, when it is a constant
	var sharp map[int]bool // the operands after the format printed under %#v
	if formatted && len(c.Args) > 0 {
		sharp = f.goSyntaxArgs(c)
		verbs = formatVerbs(f.p, c.Args[0])
	}
	var textOps map[int]bool // with verbs unknown, the operands printed as text or hex
	if formatted && len(c.Args) > 0 && verbs == nil {
		textOps = textOperands(f.p, c.Args[0])
	}
	var parts []string
	var blocking []int // the parts whose String or Error method may block: go.stringed
	for i, a := range c.Args {
		if formatted && sharp[i-1] {
			parts = append(parts, f.goSyntaxArg(a)) // Go syntax, by the operand's type
			continue
		}
		if t := types.Unalias(f.p.info.TypeOf(a)); (!f.p.isNamedValue(t) || !hasFmtMethod(t) && (isEmptySet(t) || namedOf(t).TypeArgs().Len() > 0)) && calleeName(f.p, c) != "fmt.Errorf" {
			delete(f.p.ifaceValues, a) // fmt prints by the static type: no go.as_value
		}
		t := types.Unalias(f.p.info.TypeOf(a)) // type P = *T: a *T
		var s string
		if f.m.isStructValue(t) && holdsLibraryStruct(f.p, t, map[types.Type]bool{}) {
			s = f.expr(a) // m of a struct holding an atomic.Int64: read at once, nothing copied
		} else {
			s = f.value(a)
		}
		asNumber, typeOf := false, false
		j := -1 // the operand's verb in verbs, if the format is known
		if formatted {
			j = i - 1
		}
		if formatted && j >= 0 && j < len(verbs) {
			asNumber = verbs[j] != 'v' && verbs[j] != 's'
			typeOf = verbs[j] == 'T'
		}
		tuple, multi := t.(*types.Tuple)
		nilStringers := ""
		if !multi {
			nilStringers = f.nilStringerElems(t)
		}
		switch {
		case multi:
			s = "*" + f.resultsInInterfaces(c, tuple, s) // f(g()): g's results are f's arguments
		case isRawMessage(t) && (!asNumber || strings.IndexByte("qxX", verbs[j]) >= 0):
			s = "go.json.raw_text(" + s + ")" // its String method: the text, or null
		case isNamed(t, "encoding/json", "Number") && asNumber:
			s = "go.json.Number(" + s + ")" // %!d(json.Number=12): fmt's mark names its type
		case c.Ellipsis.IsValid() && i == len(c.Args)-1:
			s = "*" + s
		case typeOf && isTypeParam(t):
			s = "go.type_of(" + t.(*types.TypeParam).Obj().Name() + ", " + s + ")" // %T of var zero T: T's name
		case typeOf && !types.IsInterface(t) && !f.p.info.Types[a].IsNil():
			// %T of a value whose type is known here: a struct value and a pointer to
			// it are one object at run time, so the type is written down now
			s = "go.StaticType(" + typeSpelling(t) + ", " + s + ")"
		case text[i] && !c.Ellipsis.IsValid() && !multi && f.m.blockingFmt(t):
			// the method runs here, in the goroutine, which may block in it
			if isTypeParam(t) {
				s = "go.as_type(" + t.(*types.TypeParam).Obj().Name() + ", " + s + ")" // as below
			}
			blocking = append(blocking, len(parts))
		case isTypeParam(t) && !typeOf:
			s = "go.as_type(" + t.(*types.TypeParam).Obj().Name() + ", " + s + ")" // {1 2} if T is a struct type
		case elemParam(t) != nil && !typeOf:
			s = "go.elems_as_type(" + elemParam(t).Obj().Name() + ", " + s + ")" // [{1 2}] if T is a struct type
		case isEmptyStruct(t):
			s = f.emptyStruct(s) // {}
		case isEmpties(t) && !hasFmtMethod(t) && emptiesPath(t) == ".":
			s = "go.empties(" + s + ")" // map[a:{} b:{}], [{} {}]
		case emptiesPath(t) != "":
			s = "go.empties(" + s + ", " + pyString(emptiesPath(t)) + ")" // [[{}]], map[x:map[1:{}]], map[{}:1]
		case (isByteSlice(t) || isByteArray(t)) && !hasFmtMethod(t) && (j >= 0 && j < len(verbs) && strings.IndexByte("sqxX", verbs[j]) >= 0 || textOps[j]):
			s = "go.Bytes(" + s + ")" // %s of a []byte: its text; %x: its hex
		case j >= 0 && j < len(verbs) && strings.IndexByte("sqxX", verbs[j]) >= 0 && byteSlicesDepth(t) > 0:
			// [6162 63]: each []byte's hex; [["ab" ""]] of a [][][]byte's
			b := f.temp("b")
			each := "go.Bytes(" + b + ")"
			for range byteSlicesDepth(t) - 1 {
				x := f.temp("b")
				each, b = "["+each+" for "+b+" in "+x+"]", x
			}
			s = "[" + each + " for " + b + " in " + s + "]"
		case j >= 0 && j < len(verbs) && strings.IndexByte("sqxX", verbs[j]) >= 0 && mapElem(t) != nil && !hasFmtMethod(t) &&
			!hasFmtMethod(mapElem(t)) && (isByteSlice(mapElem(t)) || isByteArray(mapElem(t))):
			k, b := f.temp("k"), f.temp("b")
			s = "{" + k + ": go.Bytes(" + b + ") for " + k + ", " + b + " in " + s + ".items()}" // map[6b:0a]
		case isFloat32(t) && f.m.basicClass(t) != "":
			s = f.m.basicClass(t) + "(" + s + ")" // a Float32 that %!d(main.Ratio=0.5) names
		case isFloat32(t):
			s = "go.Float32(" + s + ")" // 0.1: the float32's fewest digits
		case types.Identical(t, types.Typ[types.Int64]) && f.p.info.Types[a].Value == nil && !asNumber && !strings.HasPrefix(s, "go.Int64("):
			// big*4 of an int64 beside other operands: past its range the run ends in
			// one line, as where it is the only one (Go's would have wrapped)
			s = "go.Int64(" + s + ")"
		case elemType(t) != nil && isFloat32(elemType(t)) && !hasFmtMethod(t): // [1e-08 0.1], under %g too
			d := f.temp("d")
			s = "[go.Float32(" + d + ") for " + d + " in " + s + "]"
		case mapElem(t) != nil && isFloat32(mapElem(t)) && !hasFmtMethod(t) && !holdsFloat32(mapKey(t)): // map[a:0.1]
			k, d := f.temp("k"), f.temp("d")
			s = "{" + k + ": go.Float32(" + d + ") for " + k + ", " + d + " in " + s + ".items()}"
		case holdsFloat32(t) && !isFloat32(t):
			s = "go.float32s(" + s + ")" // [[0.1]], map[0.1:1]: each float32's fewest digits
		case f.m.isStructValue(t) && pointerOnlyError(t) && (j < 0 || j >= len(verbs) || strings.IndexByte("vsqxX", verbs[j]) >= 0):
			// its String, not its pointer's Error: fmt sees the value, as an interface holds it
			if rest, ok := strings.CutPrefix(s, "go.copy("); ok {
				s = strings.TrimSuffix(rest, ")") // as_value copies
			}
			s = "go.as_value(" + s + ")"
		case holdsStructsBut(t, func(e types.Type) bool { return !pointerOnlyError(e) }) && !hasFmtMethod(t) &&
			(j < 0 || j >= len(verbs) || strings.IndexByte("vsqxX", verbs[j]) >= 0):
			s = "go.method_values(" + uncopied(s) + ")" // [str]: each element's String, as above
		case f.m.isStructValue(t) && hasFmtMethod(t) && j >= len(verbs):
			s = "go.as_value(" + uncopied(s) + ")" // an EXTRA operand: its String, its type main.M
		case f.m.isStructValue(t) && (!hasFmtMethod(t) || !isFormatter(t) && j >= 0 && j < len(verbs) && strings.IndexByte("vsqxXTw", verbs[j]) < 0):
			// a struct value (under %d, its String method unused: field by field)
			if !holdsLibraryStruct(f.p, t, map[types.Type]bool{}) {
				f.m.copyable(t, a) // prints its struct-valued fields as values: go_values
			}
			if strings.HasPrefix(s, "go.copy(") {
				s = strings.TrimSuffix(strings.TrimPrefix(s, "go.copy("), ")") // read at once: no copy
			}
			s = "go.StructValue(" + s + ")"
		case !isFormatter(t) && (holdsStructValues(t) && (!hasFmtMethod(t) && !(f.printsByMethod(t, true) && (j < 0 || j >= len(verbs) || strings.IndexByte("vsqxX", verbs[j]) >= 0)) ||
			j >= 0 && j < len(verbs) && strings.IndexByte("vsqxXTw", verbs[j]) < 0) ||
			j >= 0 && j < len(verbs) && strings.IndexByte("vsqxXTw", verbs[j]) < 0 && holdsStructs(t)):
			// (a Format method formats its value under every verb, as the elements are)
			// ([]H of an H []U with a String method: each element's String, below)
			// (a type run []entry with a String method: fmt calls it, on the elements as they are)
			s = "go.struct_values(" + uncopied(s) + ")" // [{1 2}], map[k:[{1 2}]]
		case j >= 0 && j < len(verbs) && strings.IndexByte("vbdoxXpT", verbs[j]) < 0 && f.structPointerClass(t) != "":
			s = "go.as_iface(" + s + ", " + f.structPointerClass(t) + ")" // a nil one: %!s(*main.P=<nil>)
		case j >= 0 && j < len(verbs) && strings.IndexByte("vT", verbs[j]) < 0 && !hasFmtMethod(t) &&
			(elemType(t) != nil && f.structPointerClass(elemType(t)) != "" || mapElem(t) != nil && f.structPointerClass(mapElem(t)) != ""):
			e := elemType(t)
			if e == nil {
				e = mapElem(t)
			}
			s = "go.typed_nils(" + s + ", " + f.structPointerClass(e) + ")" // [%!s(*main.P=<nil>)], [0]
		case nilStringers != "" && (j < 0 || j >= len(verbs) || strings.IndexByte("vsqxX", verbs[j]) >= 0 || isFormatter(cmp.Or(elemType(t), mapElem(t)))):
			// []*Node{n, nil} of a *Node String that takes nil: fmt calls it on nil too
			s = "go.typed_nils(" + s + ", " + nilStringers + ")"
		case isPointer(t) && !hasFmtMethod(t) && holdsStructValues(under(t).(*types.Pointer).Elem()) &&
			!hasFmtMethod(under(t).(*types.Pointer).Elem()) && (j < 0 || j >= len(verbs) || verbs[j] != 'p'):
			s = "go.struct_values(" + s + ")" // &[{x}] of a &[]Leaf{...}
		case isDuration(t) && !formatted && spacesNonStrings(f.p, c):
			s = "go.Duration(" + s + ")" // Sprint(d, 5): 1s 5, spaced as a number, printed by String
		case isDuration(t) && asNumber && strings.IndexByte("vTdbcoOqxXU", verbs[j]) < 0:
			s = "go.Duration(" + s + ")" // %!e(time.Duration=1234): fmt's mark names its type
		case isDuration(t) && formatted && j >= len(verbs):
			s = "go.Duration(" + s + ")" // an EXTRA operand, or a format not constant: fmt sees its type
		case isDuration(t) && (!asNumber || strings.IndexByte("qxX", verbs[j]) >= 0):
			s = "sl.format_duration(" + s + ")" // fmt calls its String method, but under %d
		case isPointer(t) && libraryBasicClass(under(t).(*types.Pointer).Elem()) != "" && (!asNumber || strings.IndexByte("qxX", verbs[j]) >= 0):
			// &m of a time.Month: March; &d of a Duration: 1s; nil: <nil>
			s = "go.pointed(" + libraryBasicClass(under(t).(*types.Pointer).Elem()) + ", " + s + ")"
		case isPointer(t) && isTime(under(t).(*types.Pointer).Elem()) && (!asNumber || strings.IndexByte("sqxX", verbs[j]) >= 0):
			s = "go.pointed(go.Time, " + s + ")" // &t of a time.Time: by its String method; nil: <nil>
		case timeClass(t) != "" && !isTime(t) && (!asNumber || strings.IndexByte("qxX", verbs[j]) >= 0 || strings.IndexByte("vTdbcoOqxXU", verbs[j]) < 0):
			// (under a bad verb, %!t(time.Month=3): fmt's mark names its type)
			s = timeClass(t) + "(" + s + ")" // January, Sunday, terminated: by its String method
		case f.m.basicClass(t) != "" && hasFmtMethod(t) && (!asNumber || strings.IndexByte("qxX", verbs[j]) >= 0 || isFormatter(t)):
			// (a Formatter's Format method takes every verb: %d of c*2 too)
			s = f.m.basicClass(t) + "(" + s + ")" // printed by its String or Error method, under %x too
		case verbs != nil && j >= 0 && (j >= len(verbs) || strings.IndexByte("vTdbcoOqxXU", verbs[j]) < 0) && isSizedInt(t):
			s = sizedClass(t) + "(" + s + ")" // %!s(uint8=5), %!(EXTRA uint16=2): fmt's mark names its type
		case formatted && verbs == nil && j >= 0 && isSizedInt(t):
			s = sizedClass(t) + "(" + s + ")" // Printf(f, b), %[1]v %[1]T: its type, for whichever verb
		case verbs != nil && j >= 0 && (j >= len(verbs) || strings.IndexByte("vTdbcoOqxXU", verbs[j]) < 0) &&
			holdsSizedInts(t, j < len(verbs) && strings.IndexByte("sqxX", verbs[j]) >= 0):
			// (a []byte inside is text under %s, %q, %x and %X)
			s = f.sizedAs(t, s, j < len(verbs) && strings.IndexByte("sqxX", verbs[j]) >= 0) // [%!s(int64=2)], map[%!s(int8=1):...]
		case isPointer(t) && isNamed(under(t).(*types.Pointer).Elem(), "math/big", "Int") && (j < 0 || j >= len(verbs) || strings.IndexByte("Tp", verbs[j]) < 0):
			s = "go.as_iface(" + s + ", go.BigInt)" // a nil one: <nil> by its Format method, under %d too
		case isPointer(t) && isNamed(under(t).(*types.Pointer).Elem(), "net/url", "Userinfo") && (!asNumber || strings.IndexByte("qxX", verbs[j]) >= 0):
			s = "go.as_iface(" + s + ", go.url.Userinfo)" // a nil one: "" by its String method
		case isPointer(t) && isFormatter(t) && f.p.namedBasic(t.(*types.Pointer).Elem()) && (j < 0 || j >= len(verbs) || strings.IndexByte("Tp", verbs[j]) < 0):
			s = "go.BasicPointer(" + f.m.basicClass(t.(*types.Pointer).Elem()) + ", " + s + ")" // &i: by I's Format, under every verb
		case isPointer(t) && f.p.namedBasic(t.(*types.Pointer).Elem()) && hasFmtMethod(t) && j >= 0 && j < len(verbs) &&
			strings.IndexByte("qxX", verbs[j]) >= 0:
			s = "go.BasicPointer(" + f.m.basicClass(t.(*types.Pointer).Elem()) + ", " + s + ")" // %q of &level: by its String's text
		case isPointer(t) && j >= 0 && j < len(verbs) && strings.IndexByte("sqxX", verbs[j]) >= 0 && bytesElems(t.(*types.Pointer).Elem()) &&
			!hasFmtMethod(t):
			s = "go.bytes_pointer(" + s + ")" // &tag of a [2]byte: &ok, &6f6b
		case isPointer(t) && j >= 0 && j < len(verbs) && strings.IndexByte("bdoxXp", verbs[j]) >= 0 &&
			!(hasFmtMethod(t) && strings.IndexByte("xX", verbs[j]) >= 0),
			isSignature(t) && j >= 0 && j < len(verbs) && verbs[j] == 'p':
			s = "go.pointer_arg(" + s + ")" // a nil one is the address 0, not a nil interface
		case isTime(t) && (!asNumber || strings.IndexByte("qxX", verbs[j]) >= 0):
			// printed as Time.String (its text under %q and %x too): the run's clock starts at 2000-01-01 UTC
			s = "go.Time(" + s + ", rt)"
		case asNumber && strings.IndexByte("qxX", verbs[j]) < 0: // (%q and %x call String methods)
		case isSyncPointer(t) && (j < 0 || j < len(verbs) && verbs[j] == 'v'):
			s = "go.SyncPointer(" + s + ")" // &wg: & and Go's struct
		case isPointer(t) && f.p.namedBasic(t.(*types.Pointer).Elem()) && hasFmtMethod(t) && !asNumber:
			s = "go.BasicPointer(" + f.m.basicClass(t.(*types.Pointer).Elem()) + ", " + s + ")" // &level: by *level's String
		case isPointer(t) && f.p.isNamedValue(t.(*types.Pointer).Elem()) && hasFmtMethod(t) && namedOf(t).TypeArgs().Len() == 0:
			s = f.m.globals[namedOf(t).Obj()] + ".pointer(" + s + ")" // &tags: by *tagList's String
		default:
			if _, isMap := under(t).(*types.Map); (elemType(t) != nil || isMap) && f.printsByMethod(t, true) {
				if f.p.isNamedValue(t) && f.p.ifaceValues[a] {
					s = paren(s) + ".v" // a Grid with methods but no String: the list its class holds
				}
				s = f.printedAs(t, s, true, false, a) // [1s 1h30m0s], map[Friday:[March May]], [127.0.0.1]
			}
		}
		parts = append(parts, s)
	}
	if len(blocking) > 0 && hasEffects(f.p, c.Args[blocking[0]+1:]) {
		// fmt runs the methods after every operand is evaluated: fmt.Println(c, c.n.Add(1))
		at := make([]string, len(blocking))
		for i, j := range blocking {
			at[i] = strconv.Itoa(j)
		}
		tuple := strings.Join(at, ", ")
		if len(at) == 1 {
			tuple += ","
		}
		return "*(yield from go.stringed_after((" + tuple + "), " + strings.Join(parts, ", ") + "))"
	}
	for _, j := range blocking {
		parts[j] = "(yield from go.stringed(" + parts[j] + "))" // the method runs here, in the goroutine
	}
	return strings.Join(parts, ", ")
}

// holdsSizedInts: t is a slice, an array or a map (at any depth, none with a
// String method) of sized integers, which fmt names by their types under a bad
// verb; not a []byte under a verb of text (%s, %q, %x, %X), which prints it as text.
func holdsSizedInts(t types.Type, text bool) bool {
	if hasFmtMethod(t) {
		return false
	}
	switch u := under(t).(type) {
	case *types.Slice, *types.Array:
		e := elemType(t)
		if b, ok := under(e).(*types.Basic); ok && b.Kind() == types.Uint8 && text {
			return false // a []byte: text under %s, kept as it is
		}
		return isSizedInt(e) && !hasFmtMethod(e) || holdsSizedInts(e, text)
	case *types.Map:
		k, e := u.Key(), u.Elem()
		return isSizedInt(k) && !hasFmtMethod(k) || isSizedInt(e) && !hasFmtMethod(e) || holdsSizedInts(k, text) || holdsSizedInts(e, text)
	}
	return false
}

// sizedAs renders x, a value of type t, with each sized integer it holds (see
// holdsSizedInts) a value of its class (go.Int8(e)).
func (f *fn) sizedAs(t types.Type, x string, text bool) string {
	if isSizedInt(t) && !hasFmtMethod(t) {
		return sizedClass(t) + "(" + x + ")"
	}
	if !holdsSizedInts(t, text) {
		return x
	}
	if u, ok := under(t).(*types.Map); ok {
		k, d := f.temp("k"), f.temp("d")
		return "{" + f.sizedAs(u.Key(), k, text) + ": " + f.sizedAs(u.Elem(), d, text) + " for " + k + ", " + d + " in " + x + ".items()}"
	}
	e := f.temp("e")
	return "[" + f.sizedAs(elemType(t), e, text) + " for " + e + " in " + x + "]"
}

// hasEffects: one of args calls a function or receives, which may change what a
// String method before it reads (a conversion, len and cap change nothing).
func hasEffects(p *program, args []ast.Expr) bool {
	found := false
	for _, a := range args {
		ast.Inspect(a, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.FuncLit:
				return false // made, not run
			case *ast.CallExpr:
				if name := calleeName(p, x); !p.info.Types[x.Fun].IsType() && name != "len" && name != "cap" {
					found = true
				}
			case *ast.UnaryExpr:
				found = found || x.Op == token.ARROW
			}
			return !found
		})
	}
	return found
}

// printsByMethod: t holds, in its slices, arrays and maps at any depth, values
// fmt prints by a String method that they do not carry here: a time.Duration, a
// time.Month and its kin (timeClass), a named slice or map type of the program
// (listStringer); t itself is one where it is no slice or map operand (top).
func (f *fn) printsByMethod(t types.Type, top bool) bool {
	return f.printsByMethodOf(t, top, map[types.Type]bool{})
}

// printsByMethodOf is printsByMethod, seen holding the types on the way (type
// Tree map[string]Tree holds itself).
func (f *fn) printsByMethodOf(t types.Type, top bool, seen map[types.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	if !top && (isDuration(t) || timeClass(t) != "" || f.m.listStringer(t) != "" || f.basicPointer(t) != "" || f.m.namedValuePointer(t) != "") {
		return true
	}
	if hasFmtMethod(t) {
		return false // fmt calls its own method, on the elements as they are
	}
	switch u := under(t).(type) {
	case *types.Slice, *types.Array:
		return f.printsByMethodOf(elemType(t), false, seen)
	case *types.Map:
		return f.printsByMethodOf(u.Key(), false, seen) || f.printsByMethodOf(u.Elem(), false, seen)
	}
	return false
}

// namedValuePointer: the class of T where t is *T, T a named slice, map or array
// type of the program (not generic) whose pointer has a String or Error method,
// which fmt calls on an element or a field; else "".
func (m *module) namedValuePointer(t types.Type) string {
	if ptr, ok := t.(*types.Pointer); ok && m.p.isNamedValue(ptr.Elem()) && hasFmtMethod(t) && namedOf(t).TypeArgs().Len() == 0 {
		return m.globals[namedOf(t).Obj()]
	}
	return ""
}

// basicPointer: the class of T where t is *T, T a named number or string type whose
// pointer has a String or Error method, which fmt calls on an element (a Ref here
// has no method of its own); else "".
func (f *fn) basicPointer(t types.Type) string {
	if ptr, ok := t.(*types.Pointer); ok && f.p.namedBasic(ptr.Elem()) && hasFmtMethod(t) && !hasFmtMethod(ptr.Elem()) {
		return f.m.basicClass(ptr.Elem())
	}
	return ""
}

// printedAs renders x, a value of type t (see printsByMethod), with each such
// value made one that fmt prints by its method: a list or a dict built anew
// ([sl.format_duration(d) for d in x]), a map's keys of a class that sorts by
// value as Go's fmt sorts them (go.Duration, go.Month); a Duration element is
// its text, sl.format_duration(d).
func (f *fn) printedAs(t types.Type, x string, top, key bool, at ast.Node) string {
	if !top {
		switch {
		case isDuration(t) && key:
			return "go.Duration(" + x + ")" // prints 1s, sorts as a number
		case isDuration(t):
			return "sl.format_duration(" + x + ")"
		case timeClass(t) == "go.Time":
			return "go.Time(" + x + ", rt)"
		case timeClass(t) != "":
			return timeClass(t) + "(" + x + ")"
		case f.m.listStringer(t) != "" && namedOf(t).TypeArgs().Len() > 0:
			// []Vector[int]: each element keeps its type arguments, which its methods take
			n := namedOf(t)
			kw := f.m.typeKeywords(n.Origin().TypeParams(), n.TypeArgs(), at)
			return f.m.listStringer(t) + ".instance(" + x + ", " + strings.Join(kw, ", ") + ")"
		case f.m.listStringer(t) != "":
			return f.m.listStringer(t) + "(" + x + ")"
		case f.basicPointer(t) != "":
			return "go.BasicPointer(" + f.basicPointer(t) + ", " + x + ")" // []*Temp: by (*Temp).String
		case f.m.namedValuePointer(t) != "":
			return f.m.namedValuePointer(t) + ".pointer(" + x + ")" // []*Tags: by (*Tags).String
		}
	}
	if !f.printsByMethod(t, true) {
		return x
	}
	switch u := under(t).(type) {
	case *types.Slice, *types.Array:
		d := f.temp("d")
		return "[" + f.printedAs(elemType(t), d, false, false, at) + " for " + d + " in " + x + "]"
	case *types.Map:
		k, d := f.temp("k"), f.temp("d")
		key, value := f.printedAs(u.Key(), k, false, true, at), f.printedAs(u.Elem(), d, false, false, at)
		if cls := keyedMap(u); cls != "" {
			return cls + "((" + key + ", " + value + ") for " + k + ", " + d + " in " + x + ".items())"
		}
		return "{" + key + ": " + value + " for " + k + ", " + d + " in " + x + ".items()}"
	}
	return x
}

// hasFmtMethod: t's values have an Error or a String method, which fmt prints
// them by (a method with a pointer receiver is not one of a value's).
func hasFmtMethod(t types.Type) bool {
	ms := types.NewMethodSet(t)
	for i := 0; i < ms.Len(); i++ {
		if name := ms.At(i).Obj().Name(); (name == "Error" || name == "String") &&
			!notFmtMethod(name, ms.At(i).Obj().Type().(*types.Signature)) {
			return true
		}
	}
	return isFormatter(t)
}

// pointerOnlyError: of the struct value type t, only the pointer's method set has
// Error, while t's has String, which fmt calls on a value.
func pointerOnlyError(t types.Type) bool {
	ms := types.NewMethodSet(t)
	return ms.Lookup(nil, "Error") == nil && ms.Lookup(nil, "String") != nil &&
		types.NewMethodSet(types.NewPointer(t)).Lookup(nil, "Error") != nil
}

// isFormatter: t's method set has fmt.Formatter's Format(fmt.State, rune), which
// fmt calls for every verb but %T and %p.
func isFormatter(t types.Type) bool {
	sel := types.NewMethodSet(t).Lookup(nil, "Format")
	if sel == nil {
		return false
	}
	sig := sel.Obj().Type().(*types.Signature)
	return sig.Params().Len() == 2 && sig.Results().Len() == 0 &&
		isNamed(sig.Params().At(0).Type(), "fmt", "State") && isBasicKind(sig.Params().At(1).Type(), types.Int32)
}

// blockingFmt: fmt may call a String or Error method of the program that blocks
// (it locks a mutex) on an operand of type t (analysis.fmtMethods).
func (m *module) blockingFmt(t types.Type) bool {
	for _, fn := range m.a.fmtMethods(t) {
		if m.a.byFunc[fn].gen {
			return true
		}
	}
	return false
}

// blockingWrite: a Write method of the program that a write to a writer of type
// t may run blocks (it locks a mutex), so the write is yield from go.blocking_write.
func (m *module) blockingWrite(t types.Type) bool {
	return m.a.pipeWrite(t) || m.blockingMethod(t, "Write")
}

// blockingMethod: a method name of the program that a call on a value of type t
// may run blocks.
func (m *module) blockingMethod(t types.Type, name string) bool {
	for _, fn := range m.a.programMethods(t, name) {
		if m.a.byFunc[fn].gen {
			return true
		}
	}
	return false
}

// args renders a call's arguments, comma-separated.
func (f *fn) args(c *ast.CallExpr) string {
	var parts []string
	for i, a := range c.Args {
		s := f.value(a)
		if tuple, multi := f.p.info.TypeOf(a).(*types.Tuple); multi {
			s = "*" + f.resultsInInterfaces(c, tuple, s) // f(g()): g's results are f's arguments
		} else if c.Ellipsis.IsValid() && i == len(c.Args)-1 {
			if f.wholeSpread(c) {
				s = "*go.spread(" + s + ")" // the slice itself, which the ...T parameter is
			} else {
				s = "*" + s
			}
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

// tupleInto: the results of the call e, text, returned or assigned where the
// types are to: see resultsAs (return g() of a (int64, error) from a func()
// (any, error) keeps the int64 a type switch finds).
func (f *fn) tupleInto(e ast.Expr, to []types.Type, text string) string {
	tuple, ok := f.p.info.TypeOf(e).(*types.Tuple)
	if !ok || tuple.Len() != len(to) {
		return text
	}
	return f.resultsAs(tuple, to, text, e)
}

// resultsInInterfaces: the results of a call, text, passed on as the arguments of
// c: see resultsAs (fmt.Println(time.ParseDuration(s)) prints 1h2m0s).
func (f *fn) resultsInInterfaces(c *ast.CallExpr, tuple *types.Tuple, text string) string {
	sig, ok := under(f.p.info.TypeOf(c.Fun)).(*types.Signature)
	if !ok || sig.Params().Len() == 0 {
		return text
	}
	params := sig.Params()
	to := make([]types.Type, tuple.Len())
	for k := range to {
		to[k] = params.At(min(k, params.Len()-1)).Type()
		if sig.Variadic() && k >= params.Len()-1 {
			to[k] = to[k].(*types.Slice).Elem()
		}
	}
	return f.resultsAs(tuple, to, text, c)
}

// resultsAs: a call's results, text, going where the types are to, each marked
// with its class where to's is an interface and the result's type has one
// (go.results_as(text, go.Duration, None)); text itself where none is.
func (f *fn) resultsAs(tuple *types.Tuple, to []types.Type, text string, at ast.Node) string {
	classes := make([]string, tuple.Len())
	marked := false
	for k := range classes {
		classes[k] = "None"
		rt := tuple.At(k).Type()
		if to[k] == nil || !types.IsInterface(to[k]) || isTypeParam(to[k]) || types.IsInterface(rt) && !isTypeParam(rt) {
			continue
		}
		if cls := sizedClass(rt); cls != "" {
			classes[k], marked = cls, true
		} else if cls := f.m.basicClass(rt); cls != "" {
			classes[k], marked = cls, true
		} else if cls := f.resultClass(rt, at); cls != "" {
			classes[k], marked = cls, true
		}
	}
	if !marked {
		return text
	}
	return "go.results_as(" + text + ", " + strings.Join(classes, ", ") + ")"
}

// resultClass: what marks a result of type t, a struct value or a value of a type
// whose class holds it, going into an interface as the mark of one value does
// (fmt.Println(get()) of a (User, error) prints {7 ada}, not &{7 ada}); "" for
// one that needs none.
func (f *fn) resultClass(t types.Type, at ast.Node) string {
	p := f.p
	if tp, ok := t.(*types.TypeParam); ok {
		return "lambda v: go.boxed(" + tp.Obj().Name() + ", v)" // an int8 keeps its type
	}
	elem := t
	if ptr, ok := t.(*types.Pointer); ok {
		elem = ptr.Elem()
	}
	if n, ok := elem.(*types.Named); ok && (p.isNamedValue(n) || sortSlice(elem) != "") {
		if n.TypeArgs().Len() > 0 || sortSlice(elem) != "" {
			p.unsupported(at, "the results of a call of a generic named slice, map or func type, or of a sort type, passed on as interfaces",
				"assign the results to variables first")
		}
		if elem != t {
			return f.m.globals[n.Obj()] + ".pointer" // the pointer, whose methods the class has
		}
		return f.m.globals[n.Obj()]
	}
	if isEmptyStruct(t) {
		return "lambda v: go.EMPTY"
	}
	if f.m.isStructValue(t) {
		f.m.copyable(t, at)
		return "go.as_value" // the copy the interface holds
	}
	return ""
}

// calleeUnit: the unit a call runs, when it is known statically.
func (f *fn) calleeUnit(fun ast.Expr) *unit {
	p, a := f.p, f.m.a
	switch x := ast.Unparen(fun).(type) {
	case *ast.FuncLit:
		return a.byLit[x]
	case *ast.Ident:
		switch obj := p.info.Uses[x].(type) {
		case *types.Func:
			return a.byFunc[obj]
		case *types.Var:
			if lit := a.litVar[obj]; lit != nil {
				return a.byLit[lit]
			}
		}
	case *ast.SelectorExpr:
		if sel := p.info.Selections[x]; sel != nil && sel.Kind() == types.MethodVal && !types.IsInterface(sel.Recv()) {
			if fn, ok := sel.Obj().(*types.Func); ok {
				return a.byFunc[fn.Origin()]
			}
		}
		if fn, ok := p.info.Uses[x.Sel].(*types.Func); ok && p.info.Selections[x] == nil {
			return a.byFunc[fn] // worker.Start
		}
	case *ast.IndexExpr, *ast.IndexListExpr:
		if id := calleeIdent(x); id != nil {
			if fn, ok := p.info.Uses[id].(*types.Func); ok {
				return a.byFunc[fn] // Catch[int]: the generic function's
			}
		}
	}
	return nil
}

// instance: for a call of a generic function of the program (F(x), F[T](x)), its
// name and its type arguments as the keyword arguments its def takes: T=int,
// U=lambda: Point() (each the maker of a zero value).
func (f *fn) instance(fun ast.Expr) (*ast.Ident, string) {
	var id *ast.Ident
	switch x := fun.(type) {
	case *ast.IndexExpr:
		fun = x.X
	case *ast.IndexListExpr:
		fun = x.X
	}
	switch x := fun.(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr: // worker.Map(xs, f): a generic of another package of the module
		if f.p.info.Selections[x] == nil {
			id = x.Sel
		}
	}
	if id == nil {
		return nil, ""
	}
	inst, ok := f.p.info.Instances[id]
	fn, isFunc := f.p.info.Uses[id].(*types.Func)
	if !ok || !isFunc || !f.p.ours(fn.Pkg()) {
		return nil, ""
	}
	kw := f.m.typeKeywords(fn.Type().(*types.Signature).TypeParams(), inst.TypeArgs, id)
	return id, strings.Join(kw, ", ")
}

// typeArgs: the keyword arguments a generic type's class takes, K=str, V=int, for
// an instance of it (none for a type without type parameters).
func (m *module) typeArgs(n *types.Named, at ast.Node) []string {
	if params := m.localGeneric[n.Obj()]; params != nil {
		var kw []string // declared in a generic function, used in it: its own T, T=T
		for i := 0; i < params.Len(); i++ {
			kw = append(kw, m.typeParamSlot(n.Obj(), params.At(i).Obj().Name())+"="+params.At(i).Obj().Name())
		}
		return kw
	}
	var kw []string
	for i, arg := range m.typeKeywords(n.TypeParams(), n.TypeArgs(), at) {
		name := n.TypeParams().At(i).Obj().Name()
		kw = append(kw, m.typeParamSlot(n.Origin().Obj(), name)+strings.TrimPrefix(arg, name))
	}
	return kw
}

// typeKeywords: each type parameter given its argument, T=int, as the generic's def
// or class takes it.
func (m *module) typeKeywords(params *types.TypeParamList, args *types.TypeList, at ast.Node) []string {
	var kw []string
	for i := 0; i < args.Len(); i++ {
		kw = append(kw, params.At(i).Obj().Name()+"="+m.typeArg(args.At(i), at))
	}
	return kw
}

// typeArg is the maker of t's zero value: int, str, bool or float for those, the
// enclosing function's own type parameter, else a lambda.
func (m *module) typeArg(t types.Type, at ast.Node) string {
	if tp, ok := t.(*types.TypeParam); ok {
		return tp.Obj().Name()
	}
	arg := m.typeArgOf(t, at)
	if m.p.jsonTypeArgs && strings.HasPrefix(arg, "go.") { // not int, str, float, bool: go.json knows those
		// for json.Unmarshal(body, &out) of an out T
		desc := (&fn{p: m.p, m: m}).jsonDesc(at, t, true)
		arg = strings.TrimSuffix(arg, ")") + ", json=" + desc + ")"
	}
	return arg
}

// typeArgOf is typeArg of a type that is no type parameter, without its JSON.
func (m *module) typeArgOf(t types.Type, at ast.Node) string {
	goName := typeSpelling(t) // []uint8 of a []byte, as %T spells it; main.item[K] by K's argument
	if it, ok := under(t).(*types.Interface); ok && !it.Empty() && goName != `"error"` {
		methods, signatures := m.interfaceMethods(it) // x.(T) checks a value's methods
		if len(signatures) > 0 {
			signatures = ", signatures={" + signatures[2:] + "}"
		}
		return "go.TypeArg(" + goName + ", lambda: None, methods=(" + strings.Join(methods, ", ") + ",)" + signatures + ")"
	}
	wrap := ""
	if w := intWrap(t); w != "" {
		wrap = ", wrap=" + w // an int8, a Level of int8: its arithmetic in the generic wraps, go.wrapping(T)
	} else if isBasicKind(t, types.Float32) {
		wrap = ", wrap=go.float32" // T(x) of a float32 rounds, go.convert(T, x)
	}
	if cls := sizedClass(t); cls != "" {
		z, _ := m.zero(t, at)
		return "go.TypeArg(" + goName + ", lambda: " + z + ", box=" + cls + wrap + ")" // int8: an int, but not to %T
	}
	if b, ok := t.(*types.Basic); ok {
		switch b.Kind() {
		case types.Bool, types.UntypedBool:
			return "bool"
		case types.Int, types.UntypedInt, types.UntypedRune:
			return "int"
		case types.String, types.UntypedString:
			return "str"
		case types.Float64, types.UntypedFloat:
			return "float"
		}
	}
	z, _ := m.zero(t, at)
	box := ""
	if isStructValueType(t) {
		box = ", box=go.as_value" // in an interface, a struct value: x.(S), %T and fmt see one
		if m.programStruct(t) {
			m.copyable(t, at) // the generic copies its values (go.copied): go_values
		}
	} else if isEmptyStruct(t) {
		box = ", box=lambda v: go.EMPTY" // struct{}: None in the generic, {} in an interface
	} else if cls := m.basicClass(t); cls != "" {
		box = ", box=" + cls // a Celsius that arithmetic left a float, in an interface or printed
	} else if n, ok := t.(*types.Named); ok && m.values[n.Obj()] && n.TypeArgs().Len() == 0 {
		box = ", box=" + m.globals[n.Obj()] // a named map or slice with methods: its class's instance
	} else if n, ok := t.(*types.Named); ok && m.values[n.Origin().Obj()] && !hasTypeParam(t) {
		// a List[int] with methods: its class's instance, keeping the type arguments
		kw := m.typeKeywords(n.Origin().TypeParams(), n.TypeArgs(), at)
		box = ", box=lambda v: " + m.globals[n.Origin().Obj()] + ".instance(v, " + strings.Join(kw, ", ") + ")"
	} else if cls := m.structClassOfPointer(t); cls != "" {
		box = ", box=lambda v: go.as_iface(v, " + cls + ")" // a nil *P in an interface: (*P)(nil), not nil
	} else if ptr, ok := t.(*types.Pointer); ok && m.p.namedBasic(ptr.Elem()) && m.basicClass(ptr.Elem()) != "" {
		// a *Meters: P(&v).Set(s) of a P interface{ *T; Set(string) error } calls its pointer method
		box = ", box=lambda v: go.BasicPointer(" + m.basicClass(ptr.Elem()) + ", v)"
	}
	if arr, ok := under(t).(*types.Array); ok && m.elemCopier(arr.Elem(), at) != "" {
		box += ", copier=lambda v: " + m.copyArray("v", arr, at) // Box[[2]Pt]: a copy of b copies its Pt values
	}
	if isStructValueType(t) && !hasFmtMethod(t) || holdsStructValues(t) {
		return "go.ValueType(" + goName + ", lambda: " + z + box + ")" // fmt prints a value of T {...}
	}
	if tp, ok := cmp.Or(elemType(t), mapElem(t)).(*types.TypeParam); ok && box == "" {
		// Box[[]T] in a generic: its elements print {...} where T's do
		return "go.elements_type(" + tp.Obj().Name() + ")(" + goName + ", lambda: " + z + ")"
	}
	if isEmptyStruct(t) {
		wrap += `, empties=""` // a field of type T prints {}, not <nil>
	} else if path := emptiesPath(t); path != "" {
		wrap += ", empties=" + strconv.Quote(path) // of a []struct{}: [{}]
	}
	return "go.TypeArg(" + goName + ", lambda: " + z + box + wrap + ")"
}

// structClassOfPointer: the class of P where t is *P, P a struct type the program
// names (not generic); else "".
func (m *module) structClassOfPointer(t types.Type) string {
	ptr, ok := t.(*types.Pointer)
	if !ok || !m.programStruct(ptr.Elem()) {
		return ""
	}
	if n, named := types.Unalias(ptr.Elem()).(*types.Named); named && n.TypeArgs().Len() == 0 {
		return m.globals[n.Obj()]
	}
	return ""
}

// errorsAsType renders errors.AsType[E](err) (Go 1.26): the first error of err's
// chain of type E and true, else E's zero value and false.
func (f *fn) errorsAsType(c *ast.CallExpr, t types.Type) string {
	zero, _ := f.m.zero(t, c)
	typed := "" // the pointer to E an error's own As method is given (target.(*Code))
	if f.m.hasAsMethod() {
		typed = ", target_type=" + pyString(reflectType(types.NewPointer(t)))
		if f.m.isStructValue(t) {
			typed += ", struct=True"
		}
	}
	return "go.errors_as_type(" + f.value(c.Args[0]) + ", lambda e: " + f.errorTest(t, c) + ", lambda: " + zero + asInterface(t) + typed + ")"
}

// asInterface: the keyword of errors.As and AsType for a target of interface
// type t, which takes a (*T)(nil) of the chain as it is, not nil; or "".
func asInterface(t types.Type) string {
	if types.IsInterface(t) {
		return ", iface=True"
	}
	return ""
}

// errorTest renders the test errors.As and errors.AsType make of an error e of
// the chain: it is of type t.
func (f *fn) errorTest(t types.Type, at ast.Node) string {
	if it, ok := under(t).(*types.Interface); ok && !it.Empty() {
		// an interface of the program, which the library's errors may implement
		// too (fmt's wrapping errors have Unwrap, context's deadline Timeout)
		return "go.is_type(e, " + f.assertedTypeOf(at, t) + ")"
	}
	return f.typeTestOf("e", t, at)
}

// arrayLen: the length of an array type, or of the array a pointer type points to;
// -1 for any other type.
func arrayLen(t types.Type) int64 {
	if ptr, ok := under(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	if a, ok := under(t).(*types.Array); ok {
		return a.Len()
	}
	return -1
}

// yields wraps a blocking expression: (yield op) or (yield from gen).
func (f *fn) yieldExpr(s string) (string, bool) { return "(" + s + ")", true }

// call renders a call; the bool says it yields (a blocking operation).
// promotedIntoValue: a method of the standard library promoted into a struct value
// of the program (c.Lock() of a var c counter embedding a sync.Mutex), which is the
// library's method, reached through the embedded field.
func promotedIntoValue(p *program, s *types.Selection) bool {
	fn := s.Obj()
	return len(s.Index()) > 1 && !types.IsInterface(s.Recv()) && fn.Pkg() != nil && !p.ours(fn.Pkg())
}

// uncopied: the array s renders, without the go.copy_array(x, copier) of it that a
// value read at once needs not (fmt.Println(grid) of a [2][2]Slot).
func uncopied(s string) string {
	rest, ok := strings.CutPrefix(s, "go.copy_array(")
	if !ok {
		return s
	}
	depth, quote, escaped := 0, rune(0), false
	for i, c := range rest {
		switch {
		case escaped:
			escaped = false
		case quote != 0 && c == '\\':
			escaped = true
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			depth--
		case c == ',' && depth == 0:
			return rest[:i]
		}
	}
	return s
}

// timePointerResult renders text, the call c, where it calls a generic function
// of the program whose result *T is a *time.Time here (func ptr[T any](v T) *T {
// return &v }): golib's &v made a go.Ref of the time, and a *time.Time outside a
// generic is the time itself, which no one writes through (go.unref).
func (f *fn) timePointerResult(c *ast.CallExpr, text string) string {
	p := f.p
	ptr, ok := p.info.TypeOf(c).(*types.Pointer)
	if !ok || !isTime(ptr.Elem()) {
		return text
	}
	fn := p.staticCallee(c)
	if fn == nil {
		return text
	}
	results := fn.Type().(*types.Signature).Results()
	if results.Len() != 1 {
		return text
	}
	if generic, ok := results.At(0).Type().(*types.Pointer); !ok || !isTypeParam(generic.Elem()) {
		return text
	}
	if strings.HasPrefix(text, "yield") {
		text = "(" + text + ")" // a generator's result, as an operand
	}
	return "go.unref(" + text + ")"
}

// instantiated: the function fun instantiates with type arguments written out
// (slices.Max[[]int], rand.N[time.Duration]), or nil.
func instantiated(p *program, fun ast.Expr) *ast.SelectorExpr {
	var x ast.Expr
	switch ix := fun.(type) {
	case *ast.IndexExpr:
		x = ix.X
	case *ast.IndexListExpr:
		x = ix.X
	}
	sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if _, generic := p.info.Instances[sel.Sel]; !generic {
		return nil // s.handlers[0](x): a function a slice holds
	}
	return sel
}

func (f *fn) call(c *ast.CallExpr) (string, bool) {
	p := f.p
	if subs := f.throughArgs(c); subs != nil {
		text := f.throughCall(c, subs)
		return text, strings.HasPrefix(text, "(yield from ")
	}
	fun := ast.Unparen(c.Fun)
	if tv, ok := p.info.Types[fun]; ok && tv.IsType() {
		return f.conversion(c, tv.Type), false
	}
	if id, ok := fun.(*ast.Ident); ok {
		if b, ok := p.info.Uses[id].(*types.Builtin); ok {
			return f.builtin(c, b.Name()), false
		}
	}
	if ix, ok := fun.(*ast.IndexExpr); ok && calleeName(p, &ast.CallExpr{Fun: ix.X}) == "errors.AsType" {
		return f.errorsAsType(c, p.info.TypeOf(ix.Index)), false
	}
	if x := instantiated(p, fun); x != nil {
		if pk, ok := x.X.(*ast.Ident); ok {
			if pn, ok := p.info.Uses[pk].(*types.PkgName); ok && !p.ours(pn.Imported()) {
				// slices.Max[[]int](xs): the library's call, its type arguments written out
				bare := *c
				bare.Fun = x
				return f.call(&bare)
			}
		}
	}
	if sel, ok := fun.(*ast.SelectorExpr); ok {
		if pk, ok := sel.X.(*ast.Ident); ok {
			if pn, ok := p.info.Uses[pk].(*types.PkgName); ok && !p.ours(pn.Imported()) {
				text, yields := f.stdFunc(c, pn.Imported().Path()+"."+sel.Sel.Name)
				switch pn.Imported().Path() {
				case "time", "sync/atomic", "runtime", "math/rand", "math/rand/v2", "os":
					f.called = true // time.Since(start): what it gives depends on when it runs
				}
				return text, yields
			}
		}
		if s := p.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
			fn := s.Obj().(*types.Func)
			// promoted by an embedded context.Context, time.Duration or *log.Logger: golib's, through the field
			promotedLibrary := fn.Pkg() != nil && (fn.Pkg().Path() == "context" || fn.Pkg().Path() == "log" ||
				strings.HasPrefix(methodKey(fn), "time.Duration.") || strings.HasPrefix(methodKey(fn), "time.Time."))
			if f.m.a.byFunc[fn.Origin()] == nil && (!isLocalInterface(p, s.Recv()) || promotedLibrary || promotedIntoValue(p, s)) &&
				!promotedFromInterface(p, s) && f.typeParamReceiver(sel) == nil {
				text, yields := f.stdMethod(c, sel, fn)
				if !isNamed(s.Recv(), "time", "Time") && !isNamed(s.Recv(), "time", "Duration") {
					f.called = true // n.Load(): what it gives depends on when it runs
				}
				return text, yields
			}
			if cls, recv := f.namedValueReceiver(sel, s, fn); cls != "" {
				// people.Len() of a named slice: byAge.Len(people), people a plain list
				args := []string{recv}
				if a := f.args(c); a != "" {
					args = append(args, a)
				}
				if n := namedOf(s.Recv()); n.TypeArgs().Len() > 0 {
					args = append(args, f.m.typeKeywords(n.Origin().TypeParams(), n.TypeArgs(), c)...) // set.add(s, v, T=str)
				}
				text := cls + "." + fieldName(sel.Sel.Name) + "(" + strings.Join(args, ", ") + ")"
				f.called = true
				if u := f.m.a.byFunc[fn.Origin()]; u != nil && u.gen {
					return f.yieldExpr("yield from " + text)
				}
				return text, false
			}
			recvType, promoted := s.Recv(), false
			if len(s.Index()) > 1 && embedsPointer(s) {
				// o.Ptr() promoted from an embedded *Inner, which may be nil: the method
				// on that field's value, Inner.Ptr(o.Inner)
				recvType, promoted = fn.Type().(*types.Signature).Recv().Type(), true
			}
			if ptr, ok := recvType.(*types.Pointer); ok && (len(s.Index()) == 1 || promoted) && p.nilSafe[fn.Origin()] {
				if n, ok := ptr.Elem().(*types.Named); ok && f.m.globals[n.Origin().Obj()] != "" {
					// t.Left.Sum() of a method made for a nil receiver: Tree.Sum(t.Left), with
					// a generic type's type arguments, which a nil receiver does not keep
					args := []string{f.expr(sel.X)}
					if promoted {
						args[0] += embeddedPath(s.Recv(), s.Index())
					}
					if a := f.args(c); a != "" {
						args = append(args, a)
					}
					for _, kw := range f.m.typeKeywords(n.Origin().TypeParams(), n.TypeArgs(), c) {
						if !strings.HasSuffix(kw, "=_") { // a receiver's blank type parameter, which no one reads
							args = append(args, kw)
						}
					}
					text := f.m.globals[n.Origin().Obj()] + "." + fieldName(sel.Sel.Name) + "(" + strings.Join(args, ", ") + ")"
					f.called = true
					if u := f.m.a.byFunc[fn.Origin()]; u != nil && u.gen {
						return f.yieldExpr("yield from " + text)
					}
					return text, false
				}
			}
			if n, ok := types.Unalias(s.Recv()).(*types.Named); ok && f.m.basics[n.Obj()] {
				// c.String() of a named number: Color.String(c), c may be a plain int
				text := f.m.globals[n.Obj()] + "." + fieldName(sel.Sel.Name) + "(" + strings.TrimSuffix(f.expr(sel.X)+", "+f.args(c), ", ") + ")"
				f.called = true
				if u := f.m.a.byFunc[fn.Origin()]; u != nil && u.gen {
					return f.yieldExpr("yield from " + text)
				}
				return text, false
			}
		}
	}
	// a function of the program, a method, a closure or a function value
	var callee string
	args := f.args(c)
	if id, targs := f.instance(fun); id != nil {
		callee = f.name(p.info.Uses[id])
		fun = id
		args = strings.TrimPrefix(args+", "+targs, ", ")
	} else if lit, ok := fun.(*ast.FuncLit); ok {
		callee = f.closure(lit)
	} else if tp := f.typeParamReceiver(fun); tp != nil {
		// x.Total() of a T that may be a named map, slice or number, a plain value
		// here: the instance of its class the call needs (T's box)
		sel := fun.(*ast.SelectorExpr)
		callee = "go.boxed(" + tp.Obj().Name() + ", " + f.expr(sel.X) + ")." + fieldName(sel.Sel.Name)
	} else {
		f.callee = fun
		callee = f.expr(fun)
		f.callee = nil
	}
	text := callee + "(" + args + ")"
	f.called = true
	gen := false
	if u := f.calleeUnit(fun); u != nil {
		gen = u.gen
	} else if id, ok := fun.(*ast.Ident); ok && f.m.a.stdVar[p.info.Uses[id]] && f.m.a.assigns[p.info.Uses[id]] == 0 {
		gen = false // cancel(), stop(): what the library returned, a plain function
	} else if sel, ok := fun.(*ast.SelectorExpr); ok && p.info.Selections[sel] != nil && p.info.Selections[sel].Kind() == types.MethodVal {
		gen = f.m.a.genFamily(methodFamily(p.info.Selections[sel].Obj().(*types.Func)))
	} else {
		gen = f.m.a.genFamily(familyOf(p, p.info.TypeOf(fun)))
	}
	if n, ok := p.info.TypeOf(fun).(*types.Named); ok && n.Obj().Pkg() != nil && !p.ours(n.Obj().Pkg()) && n.Obj().Pkg().Path() != "iter" {
		gen = false // context.CancelFunc and the like: what the library returned, a plain function
	}
	if gen {
		if sel, ok := fun.(*ast.SelectorExpr); ok && p.info.Selections[sel] != nil {
			if m := p.info.Selections[sel].Obj(); m.Pkg() != nil && !p.ours(m.Pkg()) {
				// s.Write(p) of an io.Writer in an interface of the program: the value
				// may be the library's (a bufio.Writer), whose Write is a plain call
				return f.yieldExpr("yield from go.call(" + strings.TrimSuffix(callee+", "+args, ", ") + ")")
			}
		}
		return f.yieldExpr("yield from " + text)
	}
	return text, false
}

func (f *fn) conversion(c *ast.CallExpr, t types.Type) string {
	p := f.p
	arg := c.Args[0]
	from := p.info.TypeOf(arg)
	if isUntypedNil(from) {
		return f.m.nilOf(t) // []int(nil), map[K]V(nil), (chan T)(nil), (*T)(nil)
	}
	if sl, ok := under(t).(*types.Slice); ok && isBasicKind(sl.Elem(), types.Byte) {
		if b, ok := rawBytes(p, arg); ok {
			return b // []byte("\x00\xff"): bytes that are not UTF-8 text
		}
		if parts := f.rawConcat(arg); parts != nil {
			return strings.Join(parts, " + ") // []byte(s + "\xff"): each operand's bytes
		}
	}
	x := f.value(arg)
	raw := x
	if b, ok := ast.Unparen(arg).(*ast.BinaryExpr); ok && b != nil {
		x = "(" + x + ")"
	}
	if tp, ok := from.(*types.TypeParam); ok && bytesOrStrings(tp) && isBasicKind(under(t), types.String) {
		// string(s) of an S ~string | ~[]byte: its text, whichever the argument is
		if cls := f.m.basicClass(t); cls != "" {
			return cls + "(go.seq_string(" + raw + "))"
		}
		return "go.seq_string(" + raw + ")"
	}
	if tp, ok := from.(*types.TypeParam); ok && bytesOrStrings(tp) && isByteSlice(t) && !p.isNamedValue(t) {
		return "go.byte_slice(" + raw + ")" // []byte(s) of an S ~string | ~[]byte
	}
	if tp, ok := from.(*types.TypeParam); ok && stringTypeSet(tp) {
		// string(t) of a T ~string: its text, whichever string type the argument is
		if isBasicKind(under(t), types.String) {
			if cls := f.m.basicClass(t); cls != "" {
				return cls + "(" + raw + ")"
			}
			return "str(" + raw + ")"
		}
		from = types.Typ[types.String] // []byte(t), []rune(t): as of a string
	}
	if tp, ok := t.(*types.TypeParam); ok && !types.Identical(from, t) {
		if stringTypeSet(tp) && !(isTypeParam(from) && isStringLike(from)) {
			// T(b) of a T ~string and a []byte, a rune or a string: the text, of T's type argument
			return "go.convert_text(" + tp.Obj().Name() + ", " + f.conversion(c, types.Typ[types.String]) + ")"
		}
		if bytesOrStrings(tp) && (isStringLike(from) || isByteSlice(from) || isTypeParam(from) && bytesOrStrings(from.(*types.TypeParam))) {
			return "go.convert_seq(" + tp.Obj().Name() + ", " + raw + ")" // S(b) of an S ~string | ~[]byte
		}
		if mixesStringsAndSlices(tp) {
			p.unsupported(c, "a conversion to a type parameter whose type set holds both strings and slices",
				"a type parameter of strings only, or of slices only")
		}
	}
	if cls := libraryErrorClass(t); cls != "" && !types.Identical(from, t) {
		return cls + "(" + raw + ")" // url.EscapeError("%z"): an error, with its Error method
	}
	if cls := f.m.basicClass(t); cls != "" {
		if p.info.Types[arg].Value != nil && types.Identical(from, t) && callOf(raw, cls) {
			return raw // Cents(1000): the constant is a Cents already
		}
		if fu, ok := under(from).(*types.Basic); ok && sameKind(fu, under(t).(*types.Basic)) {
			tu := under(t).(*types.Basic)
			if fu.Info()&types.IsFloat != 0 && tu.Info()&types.IsInteger != 0 && p.info.Types[arg].Value == nil {
				return cls + "(" + truncFloat(tu, raw) + ")" // Q(x) of a type Q int32 and a float x
			}
			if wrap := intWrap(t); p.info.Types[arg].Value == nil && !fits(fu, tu) && tu.Info()&types.IsInteger != 0 {
				if wrap == "" {
					wrap = "go.int64" // Decimal(u) of a type Decimal int64 and a uint64 at or above 1<<63
				}
				// Q(x) of a type Q int32: x's low 32 bits, as int32(x)
				return cls + "(" + wrap + "(int(" + raw + ")))"
			}
			return cls + "(" + x + ")" // key(s): the named type, as a Python subclass of str
		}
	} else if (f.m.basicClass(from) != "" || libraryErrorClass(from) != "" || timeClass(from) != "" && !isTime(from)) &&
		types.Identical(under(t), under(from)) && !types.Identical(t, from) {
		// int(x) of a Month, a slog.Level... that an interface held as its class: a plain number
		switch b := under(t).(*types.Basic); {
		case b.Info()&types.IsString != 0:
			return "str(" + x + ")"
		case b.Info()&types.IsFloat != 0:
			return "float(" + x + ")"
		case b.Info()&types.IsInteger != 0:
			return "int(" + x + ")"
		case b.Kind() == types.Complex128:
			return "complex(" + x + ")"
		}
	}
	if f.m.basicClass(from) != "" && f.m.basicClass(t) == "" && isBasicKind(under(from), types.Float32) &&
		isFloat(t) {
		return "float(" + x + ")" // float64(v) of a Volts, whose class is a go.Float32: a float64's digits
	}
	if isBasicKind(t, types.UnsafePointer) || isBasicKind(from, types.UnsafePointer) {
		// uintptr(unsafe.Pointer(p)): an address, never a pointer again
		switch {
		case isBasicKind(t, types.UnsafePointer) && isPointer(from) && isUintptr(ast.Unparen(c), p):
			return "go.address(rt, " + x + ")"
		case isBasicKind(from, types.UnsafePointer) && isBasicKind(t, types.Uintptr):
			return x
		}
		p.unsupported(c, "an unsafe.Pointer used as a pointer", "uintptr(unsafe.Pointer(p)), an address as a number")
	}
	if tp, ok := t.(*types.TypeParam); ok && numericTypeSet(tp) {
		fp, fromParam := from.(*types.TypeParam)
		if fu, ok := under(from).(*types.Basic); ok && fu.Info()&types.IsNumeric != 0 || fromParam && numericTypeSet(fp) {
			// T(x) of a T ~uint16 | ~int8: the type argument's value, wrapped to its size
			return "go.convert(" + tp.Obj().Name() + ", " + x + ")"
		}
	}
	switch tu := under(t).(type) {
	case *types.Basic:
		fu, _ := under(from).(*types.Basic)
		if tp, ok := from.(*types.TypeParam); ok && numericTypeSet(tp) {
			// float64(total) of a T ~int | ~float64: an int or a float at run time
			switch {
			case tu.Info()&types.IsFloat != 0:
				return "float(" + x + ")"
			case tu.Info()&types.IsInteger != 0 && intWrap(t) != "":
				return intWrap(t) + "(int(" + raw + "))"
			case tu.Info()&types.IsInteger != 0:
				return "int(" + x + ")"
			}
		}
		switch {
		case tu.Info()&types.IsInteger != 0:
			wrap := intWrap(t)
			if fu != nil && fu.Info()&types.IsFloat != 0 {
				if p.info.Types[c.Args[0]].Value == nil {
					return truncFloat(tu, raw)
				}
				if wrap != "" {
					return wrap + "(int(" + raw + "))"
				}
				return "int(" + x + ")"
			}
			if fu != nil && fu.Info()&types.IsInteger != 0 {
				if wrap == "" && !fits(fu, tu) {
					wrap = "go.int64" // int64(u) of a uint64 at or above 1<<63 is negative
				}
				if wrap != "" && !fits(fu, tu) && p.info.Types[c.Args[0]].Value == nil {
					if f.m.basicClass(from) != "" || libraryErrorClass(from) != "" {
						return wrap + "(int(" + raw + "))" // uint16(f) of a Fix16 int16: a number without its methods
					}
					return wrap + "(" + raw + ")" // uint32(n): n's low 32 bits
				}
				if (f.m.basicClass(from) != "" || libraryErrorClass(from) != "") && p.info.Types[c.Args[0]].Value == nil {
					return "int(" + raw + ")" // int(op) of an Opcode uint8: a number without its String method
				}
				return x
			}
		case tu.Info()&types.IsFloat != 0:
			if tu.Kind() == types.Float32 && fu != nil && fu.Kind() != types.Float32 && fu.Info()&types.IsNumeric != 0 {
				return "go.float32(" + raw + ")" // float32(0.1) of a float64 is 0.10000000149011612
			}
			if fu != nil && fu.Info()&types.IsInteger != 0 {
				return "float(" + x + ")"
			}
			if fu != nil && fu.Info()&types.IsFloat != 0 {
				return x
			}
		case tu.Info()&types.IsComplex != 0:
			if fu != nil && fu.Info()&types.IsComplex != 0 {
				return x
			}
		case tu.Info()&types.IsBoolean != 0:
			if fu != nil && fu.Info()&types.IsBoolean != 0 {
				return x // bool(e) of type Enabled bool: the same Python bool
			}
		case tu.Info()&types.IsString != 0:
			if fu != nil && fu.Info()&types.IsString != 0 {
				return x
			}
			if fu != nil && fu.Info()&types.IsInteger != 0 {
				if r, ok := constant.Int64Val(constant.ToInt(p.info.Types[arg].Value)); ok && utf8.ValidRune(rune(r)) ||
					fu.Kind() == types.Uint8 {
					return "chr(" + x + ")"
				}
				return "go.rune_text(" + x + ")" // U+FFFD for no code point, as Go's
			}
		}
	case *types.Interface:
		return x
	case *types.Pointer, *types.Signature, *types.Map, *types.Slice:
		if types.Identical(under(t), under(from)) {
			return x
		}
		if pt, ok := under(t).(*types.Pointer); ok {
			// (*plain)(r) of a type plain Rect without methods, as a MarshalJSON
			// does to marshal r without itself: the same object, read by plain's rules
			if pf, ok := under(from).(*types.Pointer); ok && types.IdenticalIgnoreTags(under(pt.Elem()), under(pf.Elem())) &&
				types.NewMethodSet(pt).Len() == 0 && isStructType(pt.Elem()) {
				return x
			}
		}
	case *types.Chan:
		if _, ok := under(from).(*types.Chan); ok {
			switch {
			case types.Identical(t, from):
				return x
			case f.m.wrappedType(t) != "":
				return f.m.wrappedType(t) + "(" + x + ")" // a channel with methods
			case f.m.wrappedType(from) != "":
				return paren(x) + ".v"
			}
			return x // the same channel, perhaps with a direction
		}
	}
	if sl, ok := under(t).(*types.Slice); ok && isBasicKind(sl.Elem(), types.Byte) && isBasicKind(from, types.String) {
		if cls := f.m.basicClass(sl.Elem()); cls != "" {
			b := f.temp("b")
			return "[" + cls + "(" + b + ") for " + b + " in " + encoded(x) + "]" // []Tile(s): each a Tile, as a literal's
		}
		return "list(" + encoded(x) + ")" // []byte(s): the bytes, a fresh slice
	}
	if sl, ok := under(t).(*types.Slice); ok && isBasicKind(sl.Elem(), types.Rune) && isBasicKind(from, types.String) {
		if cls := f.m.basicClass(sl.Elem()); cls != "" {
			c := f.temp("c")
			return "[" + cls + "(ord(" + c + ")) for " + c + " in " + x + "]" // []Glyph(s)
		}
	}
	if sl, ok := under(from).(*types.Slice); ok && isBasicKind(sl.Elem(), types.Byte) && isBasicKind(t, types.String) {
		if cls := f.m.basicClass(t); cls != "" {
			return cls + "(go.string_of(" + x + "))" // Str(b): the text, of the named type
		}
		return "go.string_of(" + x + ")" // string(b): the text of the bytes
	}
	if sl, ok := under(t).(*types.Slice); ok && isBasicKind(sl.Elem(), types.Rune) && isBasicKind(from, types.String) {
		return "[ord(c) for c in " + x + "]" // []rune(s): the code points, a fresh slice
	}
	if sl, ok := under(from).(*types.Slice); ok && isBasicKind(sl.Elem(), types.Rune) && isBasicKind(t, types.String) {
		if cls := f.m.basicClass(t); cls != "" {
			return cls + "(go.runes_string(" + x + "))" // Str(rs): the text, of the named type
		}
		return "go.runes_string(" + x + ")" // string(rs): the text of the code points
	}
	if f.m.isStructValue(t) && f.m.isStructValue(from) && !types.Identical(t, from) &&
		types.IdenticalIgnoreTags(under(t), under(from)) {
		if cls := f.m.convertedClass(t); cls != "" && f.m.convertedClass(from) != "" {
			return "go.convert_struct(" + x + ", " + cls + ")" // Message(row), Pos(d.Cursor): a copy, of Pos's class
		}
	}
	if types.Identical(t, from) {
		return x // Pair[string, int](e) of an alias of it: the value, copied as f.value copies
	}
	if isArray(t) && types.IdenticalIgnoreTags(under(t), under(from)) {
		return x // Cube(c) of a [3]int: the array, copied as f.value copies it
	}
	if sl, ok := under(from).(*types.Slice); ok {
		if arr, ok := under(t).(*types.Array); ok && types.Identical(sl.Elem(), arr.Elem()) {
			// [4]byte(b): a copy of its first elements, or Go's panic where it has fewer
			args := x + ", " + strconv.FormatInt(arr.Len(), 10)
			if cp := f.m.elemCopier(arr.Elem(), c); cp != "" {
				args += ", " + cp
			}
			return "go.slice_to_array(" + args + ")"
		}
	}
	p.unsupported(c, "the conversion "+types.TypeString(from, types.RelativeTo(p.pkg))+" to "+types.TypeString(t, types.RelativeTo(p.pkg)),
		"numeric conversions, conversions between named and underlying types, and a slice to an array")
	return ""
}

func (f *fn) builtin(c *ast.CallExpr, name string) string {
	p := f.p
	if tv := p.info.Types[c]; (name == "len" || name == "cap") && tv.Value != nil {
		if _, isPtr := under(p.info.TypeOf(c.Args[0])).(*types.Pointer); isPtr {
			return tv.Value.ExactString() // len(p) of a *[4]int: 4, p not evaluated (a nil p too)
		}
	}
	switch name {
	case "len":
		t := under(p.info.TypeOf(c.Args[0]))
		if b, ok := t.(*types.Basic); ok && b.Info()&types.IsString != 0 {
			return "len(" + encoded(f.expr(c.Args[0])) + ")"
		}
		if tp, ok := p.info.TypeOf(c.Args[0]).(*types.TypeParam); ok && stringTypeSet(tp) {
			return "len(" + encoded(f.expr(c.Args[0])) + ")" // len(s) of an S ~string: its bytes
		}
		if tp, ok := p.info.TypeOf(c.Args[0]).(*types.TypeParam); ok && mixesStringsAndSlices(tp) {
			return "len(go.byte_seq(" + f.expr(c.Args[0]) + "))" // of an S ~string | ~[]byte
		}
		return "len(" + f.expr(c.Args[0]) + ")"
	case "cap":
		x := f.expr(c.Args[0])
		if _, ok := under(p.info.TypeOf(c.Args[0])).(*types.Chan); ok {
			return x + ".cap"
		}
		if se, ok := ast.Unparen(c.Args[0]).(*ast.SliceExpr); ok && se.High != nil {
			// the room past its end: up to s[a:b:c]'s c, or to the end of an array
			// (p[:4] of a *[8]T has capacity 8), whose length is its capacity
			end := ""
			if se.Max != nil {
				end = f.expr(se.Max)
			} else if n := arrayLen(p.info.TypeOf(se.X)); n >= 0 {
				end = strconv.FormatInt(n, 10)
			}
			if end != "" {
				return "len(" + x + ") + (" + end + " - " + f.operand(se.High, 6) + ")"
			}
		}
		if f.m.capacities && isSliceType(p.info.TypeOf(c.Args[0])) {
			return "go.capacity(" + x + ")" // what make gave it, kept
		}
		return "len(" + x + ")"
	case "make":
		t := p.info.TypeOf(c.Args[0])
		switch u := under(t).(type) {
		case *types.Chan:
			ch := "rt.chan()"
			if len(c.Args) > 1 {
				ch = "rt.chan(" + f.expr(c.Args[1]) + ")"
			}
			if cls := f.m.wrappedType(t); cls != "" {
				return cls + "(" + ch + ")"
			}
			return ch
		case *types.Map:
			if cls := keyedMap(u); cls != "" {
				return cls + "()"
			}
			return "{}"
		case *types.Slice:
			if len(c.Args) == 1 {
				return "[]"
			}
			z, fixed := f.m.zero(u.Elem(), c)
			n := f.expr(c.Args[1])
			if len(c.Args) == 3 && !f.m.capacities && p.info.Types[c.Args[2]].Value == nil {
				n = "go.slice_len(" + n + ", " + f.expr(c.Args[2]) + ")" // a capacity below it too
			} else if tv := p.info.Types[c.Args[1]]; tv.Value == nil {
				n = "go.slice_len(" + n + ")" // a negative length, or one past 2**48, is Go's runtime panic
			}
			made := "[]"
			if fixed && n != "0" {
				made = "[" + z + "] * " + paren(n)
			} else if n != "0" {
				made = "[" + z + " for _ in range(" + n + ")]"
			}
			if len(c.Args) == 3 && f.m.capacities {
				// cap(batch) asks it, and s[:cap(s)] reads the zero values past the length
				return "go.with_capacity(" + made + ", " + f.expr(c.Args[2]) + ", zero=lambda: " + z + ")"
			}
			if f.m.capacities {
				return "go.with_capacity(" + made + ")" // its length, which s[:2] keeps as its capacity
			}
			return made
		}
	case "new":
		t := p.info.TypeOf(c.Args[0])
		if !p.info.Types[c.Args[0]].IsType() { // Go 1.26's new(expr): a variable holding its value
			if _, ok := under(t).(*types.Struct); ok {
				f.m.copyable(t, c)
				return "go.copy(" + f.expr(c.Args[0]) + ")"
			}
			return "go.Ref(" + f.value(c.Args[0]) + ")"
		}
		if _, generic := t.(*types.TypeParam); generic {
			z, _ := f.m.zero(t, c)
			return "go.pointer_to(" + z + ")" // a struct, or a go.Ref: T decides at run time
		}
		if _, ok := under(t).(*types.Struct); ok {
			z, _ := f.m.zero(t, c)
			return z
		}
		z, _ := f.m.zero(t, c)
		return "go.Ref(" + z + ")" // a fresh variable: no other name for it
	case "append":
		s := f.value(c.Args[0])
		if f.m.capacities { // Go's capacity; grown, a new array of copies of struct values
			return "go.appended(" + f.withElemsCopier(s+f.spreadOrValues(c)+f.m.growth(c), c) + ")"
		}
		if c.Ellipsis.IsValid() {
			return s + " + " + f.spread(c.Args[1])
		}
		var vs []string
		for _, a := range c.Args[1:] {
			vs = append(vs, f.value(a))
		}
		if len(vs) == 0 {
			return s + " + []" // nil for nil (a go.NilSlice), as Go's
		}
		return "[*" + s + ", " + strings.Join(vs, ", ") + "]"
	case "delete":
		return fmt.Sprintf("%s.pop(%s, None)", f.expr(c.Args[0]), f.expr(c.Args[1]))
	case "close":
		return f.expr(c.Args[0]) + ".close()"
	case "panic":
		return "go.panic(" + f.value(c.Args[0]) + ")"
	case "complex":
		return "complex(" + f.value(c.Args[0]) + ", " + f.value(c.Args[1]) + ")"
	case "real", "imag":
		s := f.expr(c.Args[0])
		if !isSimple(s) {
			s = "(" + s + ")"
		}
		return s + "." + name
	case "min", "max":
		if mayBeFloat(p.info.TypeOf(c)) && len(c.Args) > 1 {
			// Go's for floats: a NaN wins, and -0 is below +0 (Python's keeps the first)
			s := f.value(c.Args[len(c.Args)-1])
			for i := len(c.Args) - 2; i >= 0; i-- {
				s = "go." + name + "_of(" + f.value(c.Args[i]) + ", " + s + ")"
			}
			if isFloat(p.info.TypeOf(c)) {
				s = "float(" + s + ")" // max(x, 0) of a float64 x is a float
			}
			return s
		}
		if len(c.Args) == 1 {
			return f.value(c.Args[0]) // min(x) is x; Python's min(s) would iterate s
		}
		return name + "(" + f.args(c) + ")"
	case "clear":
		if sl, ok := under(p.info.TypeOf(c.Args[0])).(*types.Slice); ok {
			// a slice keeps its length: each element becomes the zero value
			z, _ := f.m.zero(sl.Elem(), c)
			return "go.clear_slice(" + f.expr(c.Args[0]) + ", lambda: " + z + ")"
		}
		return f.expr(c.Args[0]) + ".clear()"
	case "recover":
		return "go.recover()" // nil unless called directly by a deferred call: see deferWith
	case "copy":
		if isBasicKind(p.info.TypeOf(c.Args[1]), types.String) {
			return "go.slice_copy(" + f.expr(c.Args[0]) + ", list(" + encoded(f.expr(c.Args[1])) + "))"
		}
		return "go.slice_copy(" + f.withElemsCopier(f.expr(c.Args[0])+", "+f.expr(c.Args[1]), c.Args[1]) + ")"
	case "print", "println":
		var vs []string
		for _, a := range c.Args {
			t := p.info.TypeOf(a)
			b, ok := under(t).(*types.Basic)
			if !ok || b.Info()&(types.IsBoolean|types.IsInteger|types.IsFloat|types.IsString) == 0 {
				p.unsupported(a, name+" of a "+types.TypeString(t, types.RelativeTo(p.pkg))+" (Go's runtime writes its address)",
					"print and println of booleans, numbers and strings; fmt.Println prints values")
			}
			s := f.value(a)
			if b.Kind() == types.Float32 {
				s = "go.Float32(" + s + ")"
			}
			vs = append(vs, s)
		}
		if name == "println" {
			vs = append(vs, "newline=True")
		}
		return "go.builtin_print(" + strings.Join(vs, ", ") + ")"
	}
	p.unsupported(c, "the builtin "+name, "len, cap, make, new, append, copy, delete, close, panic, min, max, clear, print, println")
	return ""
}

// stdFunc renders a call to a function of the standard library.
func (f *fn) stdFunc(c *ast.CallExpr, name string) (string, bool) {
	p := f.p
	arg := func(i int) string { return f.value(c.Args[i]) }
	switch name {
	case "time.Sleep":
		return f.yieldExpr("yield rt.sleep(" + arg(0) + ")")
	case "time.After":
		return "rt.after(" + arg(0) + ")", false
	case "time.Tick":
		return "go.tick(rt, " + arg(0) + ")", false // nil for d <= 0, as Go's
	case "time.NewTimer":
		return "rt.timer(" + arg(0) + ")", false
	case "time.NewTicker":
		return "rt.ticker(" + arg(0) + ")", false
	case "time.AfterFunc":
		fnv, goName := f.funcArg(c.Args[1])
		return fmt.Sprintf("rt.after_func(%s, %s, name=%q)", arg(0), fnv, goName), false
	case "time.Now":
		return "rt.now", false
	case "time.Date":
		return "go.time_date(" + f.args(c) + ", rt)", false
	case "time.Unix":
		return "go.time_unix(" + arg(0) + ", " + arg(1) + ", rt)", false
	case "time.UnixMilli", "time.UnixMicro":
		scale := map[string]string{"time.UnixMilli": "1_000_000", "time.UnixMicro": "1_000"}[name]
		return "go.time_unix(0, " + paren(arg(0)) + " * " + scale + ", rt)", false
	case "time.Parse":
		return "go.time_parse(" + arg(0) + ", " + arg(1) + ", rt)", false
	case "time.ParseInLocation":
		f.utcOnly(c.Args[2])
		return "go.time_parse(" + arg(0) + ", " + arg(1) + ", rt)", false
	case "time.Since":
		return "go.time_sub(rt.now, " + arg(0) + ")", false
	case "time.Until":
		return "go.time_sub(" + arg(0) + ", rt.now)", false
	case "testing/synctest.Test":
		fv, _ := f.funcArg(c.Args[1])
		return f.yieldExpr("yield from go.synctest_test(" + arg(0) + ", " + fv + ")")
	case "testing/synctest.Wait":
		return f.yieldExpr("yield rt.wait_idle()")
	case "runtime.Gosched":
		return f.yieldExpr("yield rt.gosched()")
	case "unicode.IsOneOf":
		return "go.unicode_in(" + arg(1) + ", *" + paren(arg(0)) + ")", false
	case "unicode.Is":
		return "go.unicode_in(" + arg(1) + ", " + f.unicodeTableRef(c.Args[0], c) + ")", false
	case "unicode.In":
		if c.Ellipsis.IsValid() { // unicode.In(r, tables...): a slice of the tables the program names
			return "go.unicode_in(" + arg(0) + ", *" + paren(arg(1)) + ")", false
		}
		tables := []string{arg(0)}
		for _, t := range c.Args[1:] {
			tables = append(tables, f.unicodeTableRef(t, c))
		}
		return "go.unicode_in(" + strings.Join(tables, ", ") + ")", false
	case "net/url.Parse", "net/url.ParseRequestURI", "net/url.ParseQuery", "net/url.QueryEscape",
		"net/url.QueryUnescape", "net/url.PathEscape", "net/url.PathUnescape", "net/url.JoinPath",
		"net/url.User", "net/url.UserPassword":
		return "go.url." + name[len("net/url."):] + "(" + f.args(c) + ")", false
	case "net/http.StatusText":
		return "go.http_status_text(" + arg(0) + ")", false
	case "reflect.DeepEqual":
		if len(c.Args) != 2 {
			return "go.deep_equal(" + f.args(c) + ")", false // DeepEqual(pair())
		}
		var parts []string
		for _, a := range c.Args {
			s, t := f.value(a), p.info.TypeOf(a)
			_, isMap := under(t).(*types.Map)
			if (isSliceType(t) || isMap) && !p.isNamedValue(t) && !strings.HasPrefix(s, "go.typed(") {
				// a call's result, a field: its type, which another slice or map type's
				// equal elements do not have (a copy: DeepEqual only reads it)
				s = "go.typed(" + s + ", " + pyString(reflectType(t)) + ")"
			}
			parts = append(parts, s)
		}
		return "go.deep_equal(" + strings.Join(parts, ", ") + ")", false
	case "reflect.TypeOf":
		t := p.info.TypeOf(c.Args[0])
		if ptr, ok := t.(*types.Pointer); ok && isTypeParam(ptr.Elem()) {
			return "go.reflect_pointer_to(" + ptr.Elem().(*types.TypeParam).Obj().Name() + ")", false // (*T)(nil)
		}
		switch {
		case isTypeParam(t):
			return "go.reflect_type_of(go.type_of(" + t.(*types.TypeParam).Obj().Name() + ", " + arg(0) + "))", false
		case types.IsInterface(t):
			return "go.reflect_type_of(" + arg(0) + ")", false // its dynamic type
		case isUntypedNil(t):
			return "None", false
		}
		if hasTypeParam(t) {
			p.unsupported(c, "reflect.TypeOf of a type built of type parameters", "reflect.TypeOf(x) of an x of type T or *T, or of a type without them")
		}
		return "go.reflect_type(" + pyString(reflectType(t)) + ", " + arg(0) + ")", false
	case "runtime/debug.Stack":
		return "go.debug_stack(rt)", false
	case "runtime.Stack":
		return "go.runtime_stack(rt, " + f.args(c) + ")", false
	case "runtime/debug.PrintStack":
		return "go.debug_print_stack(rt)", false
	case "runtime.NumGoroutine":
		if f.p.testBinary() {
			return "go.num_goroutine(rt)", false // with the goroutines of running synctest bubbles
		}
		return "rt.num_goroutine()", false
	case "slices.Clone", "bytes.Clone":
		clone := "list(" + arg(0) + ")"
		if f.m.nilSlices {
			clone = "go.slices_clone(" + f.withElemsCopier(arg(0), c.Args[0]) + ")" // nil for nil
		} else if cp := f.elemsCopier(c.Args[0]); cp != "" {
			clone = "go.copy_array(" + arg(0) + ", " + cp + ")" // struct values copied
		}
		if f.m.capacities {
			return "go.cloned(" + clone + f.m.growth(c) + ")", false // append(s[:0:0], s...)'s capacity
		}
		return clone, false
	case "runtime.Goexit":
		return f.yieldExpr("yield go.goexit()")
	case "math.Round", "math.Max", "math.Min", "math.Inf", "math.IsInf", "math.IsNaN", "math.NaN",
		"math.Sqrt", "math.Floor", "math.Ceil", "math.Trunc", "math.Abs", "math.Pow", "math.Mod",
		"math.Log", "math.Exp", "math.Copysign", "math.Signbit",
		"math.Float64bits", "math.Float64frombits", "math.Float32bits", "math.Float32frombits",
		"math.Sin", "math.Cos", "math.Tan", "math.Sincos", "math.Asin", "math.Acos", "math.Atan",
		"math.Atan2", "math.Sinh", "math.Cosh", "math.Tanh", "math.Asinh", "math.Acosh", "math.Atanh",
		"math.Log10", "math.Log2", "math.Log1p", "math.Expm1", "math.Exp2", "math.Hypot", "math.Cbrt",
		"math.Remainder", "math.Frexp", "math.Ldexp", "math.Modf", "math.Dim", "math.Nextafter", "math.Nextafter32",
		"math.RoundToEven", "math.Pow10", "math.FMA", "math.Ilogb", "math.Logb":
		// Go's NaN and infinities where Python's math raises; the elementary functions by Go's
		// own steps, to its last bit (golib's _mathfn); Sincos, Frexp and Modf give a tuple
		py := map[string]string{"math.IsInf": "is_inf", "math.IsNaN": "is_nan", "math.NaN": "nan"}[name]
		if py == "" {
			py = strings.ToLower(strings.TrimPrefix(name, "math."))
		}
		return "go.math_" + py + "(" + f.args(c) + ")", false
	case "runtime.GC":
		return "go.gc()", false
	case "runtime.GOMAXPROCS":
		return "go.gomaxprocs(" + arg(0) + ")", false
	case "runtime.NumCPU":
		return "go.num_cpu()", false // the run's machine: one CPU
	case "math/cmplx.Abs", "math/cmplx.Phase", "math/cmplx.Polar", "math/cmplx.Rect", "math/cmplx.Conj",
		"math/cmplx.Sqrt", "math/cmplx.Exp", "math/cmplx.Log", "math/cmplx.Pow", "math/cmplx.Inf",
		"math/cmplx.NaN", "math/cmplx.IsInf", "math/cmplx.IsNaN":
		py := map[string]string{"math/cmplx.IsInf": "is_inf", "math/cmplx.IsNaN": "is_nan"}[name]
		if py == "" {
			py = strings.ToLower(strings.TrimPrefix(name, "math/cmplx."))
		}
		return "go.cmplx_" + py + "(" + f.args(c) + ")", false
	case "os.Exit":
		return f.yieldExpr("yield go.exit(" + arg(0) + ")") // no deferred call runs
	case "flag.Int", "flag.Int64", "flag.Uint", "flag.Uint64", "flag.String", "flag.Bool", "flag.Float64",
		"flag.Duration":
		return "go.Ref(" + arg(1) + ")", false // a run has no arguments: the flag's default
	case "flag.IntVar", "flag.Int64Var", "flag.UintVar", "flag.Uint64Var", "flag.StringVar", "flag.BoolVar",
		"flag.Float64Var", "flag.DurationVar":
		// a statement, as it has no result: the variable takes the default
		if u, ok := ast.Unparen(c.Args[0]).(*ast.UnaryExpr); ok && u.Op == token.AND {
			return f.lvalue(u.X) + " = " + arg(2), false // flag.IntVar(&n, ...)
		}
		return arg(0) + ".v = " + arg(2), false // flag.IntVar(p, ...) of a *int, a go.Ref
	case "flag.Parse":
		return "go.flag_parse()", false
	case "flag.UnquoteUsage":
		return "go.flag.unquote_usage(" + arg(0) + ")", false
	case "flag.Parsed":
		return "True", false
	case "flag.NArg", "flag.NFlag":
		return "0", false
	case "flag.Args":
		return "[]", false
	case "flag.Arg":
		return "\"\"", false
	case "os.Expand":
		return "go.expand(" + arg(0) + ", " + f.calledAtOnce(c, c.Args[1], "an os.Expand whose mapping blocks", "a mapping that only looks up") + ")", false
	case "os.ExpandEnv":
		return "go.expand_env(rt, " + arg(0) + ")", false
	case "os.Getenv", "os.LookupEnv", "os.Setenv", "os.Unsetenv":
		return "go." + snake(strings.TrimPrefix(name, "os.")) + "(rt, " + f.args(c) + ")", false
	case "context.Background":
		return "rt.background()", false
	case "testing.Short":
		return "False", false // go test without -short
	case "testing.Verbose":
		return "True", false // go test -v
	case "context.TODO":
		return "rt.todo()", false
	case "context.WithCancel":
		return "sl.with_cancel(" + f.args(c) + ")", false
	case "context.WithTimeout", "context.WithDeadline", "context.WithValue", "context.Cause",
		"context.WithCancelCause", "context.WithTimeoutCause", "context.WithDeadlineCause",
		"context.WithoutCancel", "context.AfterFunc":
		return "sl." + snake(strings.TrimPrefix(name, "context.")) + "(" + f.args(c) + ")", false
	case "sync.OnceFunc", "sync.OnceValue", "sync.OnceValues":
		return "sl." + snake(strings.TrimPrefix(name, "sync.")) + "(" + f.args(c) + ")", false
	case "errors.New":
		return "go.new_error(" + arg(0) + ")", false
	case "errors.Is":
		return "go.errors_is(" + arg(0) + ", " + arg(1) + ")", false
	case "golang.org/x/sync/semaphore.NewWeighted":
		return "semaphore.Weighted(rt, " + arg(0) + ")", false
	case "golang.org/x/sync/errgroup.WithContext":
		return "errgroup.with_context(" + arg(0) + ")", false
	case "errors.Unwrap":
		return "go.errors_unwrap(" + arg(0) + ")", false
	case "errors.Join":
		return "go.errors_join(" + f.args(c) + ")", false
	case "errors.As":
		// the target is a pointer: the first error of the chain that holds its element
		// type is written through it (findBoxed puts a local target in a go.Ref)
		ptr, ok := under(p.info.TypeOf(c.Args[1])).(*types.Pointer)
		if !ok {
			// errors.As(err, nil), errors.As(err, target): Go's panic
			return "go.errors_as_no_pointer(" + arg(0) + ", " + arg(1) + ")", false
		}
		if errType := types.Universe.Lookup("error").Type().Underlying().(*types.Interface); !types.IsInterface(ptr.Elem()) && !types.Implements(ptr.Elem(), errType) {
			// var se StatusError where only *StatusError has Error: Go's errors.As panics
			return "go.errors_as_invalid(" + arg(0) + ", " + arg(1) + ")", false // nil, or not a pointer to an error
		}
		typed := "" // the target's type, for the program's own As methods (target.(**T))
		if n := pointedStruct(ptr); n != nil && f.m.hasAsMethod() || pointedInterface(p, ptr) && f.m.hasAsMethod() {
			typed = ", target_type=" + pyString(reflectType(ptr))
		}
		return "go.errors_as(" + arg(0) + ", " + arg(1) + ", lambda e: " + f.errorTest(ptr.Elem(), c.Args[1]) + asInterface(ptr.Elem()) + typed + ")", false
	case "fmt.Println":
		plain := true
		for _, a := range c.Args {
			plain = plain && plainPrint(p.info.TypeOf(a))
		}
		if plain && !c.Ellipsis.IsValid() && c == f.stmtCall {
			return "print(" + f.args(c) + ")", false // Python's print: no results to read
		}
		return "go.println(" + f.fmtArgs(c, false) + ")", false
	case "fmt.Printf", "fmt.Sprintf", "fmt.Errorf", "fmt.Sprint", "fmt.Sprintln", "fmt.Print":
		formatted := strings.HasSuffix(name, "f")
		return "go." + strings.ToLower(strings.TrimPrefix(name, "fmt.")) + "(" + f.fmtArgs(c, formatted) + ")", false
	case "unique.Make":
		return "go.Handle(" + f.value(c.Args[0]) + ")", false // equal by its value
	case "fmt.Appendf", "fmt.Append", "fmt.Appendln":
		rest := *c // the operands after the slice, as fmt.Sprintf's
		rest.Args = c.Args[1:]
		format := map[string]string{"fmt.Appendf": "sprintf", "fmt.Append": "sprint", "fmt.Appendln": "sprintln"}[name]
		text := "go." + format + "(" + f.fmtArgs(&rest, name == "fmt.Appendf") + ")"
		if f.m.capacities { // the text's bytes as append appends them, into b's room or Go's growth
			return "go.appended(" + arg(0) + ", *" + text + ".encode(), size=1)", false
		}
		return "go.fmt_append(" + arg(0) + ", " + text + ")", false
	case "fmt.Fprintf", "fmt.Fprint", "fmt.Fprintln":
		rest := *c // the operands after the writer, as fmt.Printf's
		rest.Args = c.Args[1:]
		format := strings.ToLower(strings.TrimPrefix(name, "fmt."))
		if f.m.blockingWrite(p.info.TypeOf(c.Args[0])) { // the text formatted, then written
			return f.yieldExpr("yield from go.blocking_write(" + arg(0) + ", go.s" + format[1:] + "(" + f.fmtArgs(&rest, name == "fmt.Fprintf") + "))")
		}
		return "go." + format + "(" + arg(0) + ", " + f.fmtArgs(&rest, name == "fmt.Fprintf") + ")", false
	case "fmt.Sscan", "fmt.Sscanln", "fmt.Sscanf", "fmt.Fscan", "fmt.Fscanln", "fmt.Fscanf":
		// each operand a pointer, given with the name of the basic type it points to
		first := 1
		if strings.HasSuffix(name, "f") {
			first = 2
		}
		if c.Ellipsis.IsValid() {
			p.unsupported(c, name+" of a slice of operands", "the operands written out")
		}
		ops := []string{}
		for i := 0; i < first; i++ {
			ops = append(ops, arg(i))
		}
		for _, a := range c.Args[first:] {
			kind := scanKind(p.info.TypeOf(a))
			if kind == "" {
				p.unsupported(a, name+" into a "+types.TypeString(p.info.TypeOf(a), types.RelativeTo(p.pkg)),
					"a pointer to an integer, a float, a string or a bool")
			}
			ops = append(ops, "("+f.value(a)+", "+pyString(kind)+")")
		}
		call := strings.ToLower(strings.TrimPrefix(name, "fmt.")) + "(" + strings.Join(ops, ", ") + ")"
		if strings.HasPrefix(name, "fmt.F") && f.m.a.pipes { // the reader may be a pipe's
			return f.yieldExpr("yield from go.blocking_" + call)
		}
		return "go." + call, false
	case "strconv.Itoa":
		return "str(" + arg(0) + ")", false
	case "strings.Clone": // a fresh copy in Go; Python's strings are immutable values
		return arg(0), false
	case "strings.Repeat":
		if n, ok := constant.Int64Val(constant.ToInt(p.info.Types[c.Args[1]].Value)); !ok || n < 0 || n > 1<<30 {
			return "go.strings_repeat(" + arg(0) + ", " + arg(1) + ")", false // Go's panic for a negative count, or a length past an int's
		}
		return paren(arg(0)) + " * " + paren(arg(1)), false
	case "strings.Join":
		return paren(arg(1)) + ".join(" + arg(0) + ")", false
	case "strings.Contains":
		return paren(arg(1)) + " in " + paren(arg(0)), false
	case "strings.HasPrefix":
		return paren(arg(0)) + ".startswith(" + arg(1) + ")", false
	case "strings.HasSuffix":
		return paren(arg(0)) + ".endswith(" + arg(1) + ")", false
	case "unicode/utf8.RuneCountInString":
		return "len(" + arg(0) + ")", false // a Python str holds the code points
	case "unicode/utf8.RuneLen":
		return "go.rune_len(" + arg(0) + ")", false
	case "unicode/utf8.RuneStart":
		return "((" + paren(arg(0)) + " & 0xC0) != 0x80)", false // not a continuation byte, 10xxxxxx
	case "unicode/utf8.ValidString":
		if f.p.info.Types[c.Args[0]].Value != nil {
			arg(0) // a constant that is not UTF-8 is refused there
		}
		return "True", false // a run's strings are text: see string(b)
	case "unicode/utf8.DecodeRuneInString", "unicode/utf8.DecodeLastRuneInString", "unicode/utf8.FullRuneInString":
		// the bytes of a run's string are its text's UTF-8
		fn := strings.TrimSuffix(strings.TrimPrefix(name, "unicode/utf8."), "InString")
		return "go.utf8_" + snake(fn) + "(list(" + encoded(arg(0)) + "))", false
	case "unicode/utf8.Valid", "unicode/utf8.ValidRune", "unicode/utf8.RuneCount", "unicode/utf8.DecodeRune",
		"unicode/utf8.DecodeLastRune", "unicode/utf8.AppendRune", "unicode/utf8.EncodeRune", "unicode/utf8.FullRune":
		if name == "unicode/utf8.AppendRune" && f.m.capacities { // one append, as Go's
			return "go.appended(" + arg(0) + ", *go.utf8_append_rune([], " + arg(1) + "), size=1)", false
		}
		return "go.utf8_" + snake(strings.TrimPrefix(name, "unicode/utf8.")) + "(" + f.args(c) + ")", false
	case "unicode/utf16.IsSurrogate", "unicode/utf16.RuneLen", "unicode/utf16.EncodeRune", "unicode/utf16.DecodeRune",
		"unicode/utf16.AppendRune", "unicode/utf16.Encode", "unicode/utf16.Decode":
		if name == "unicode/utf16.AppendRune" && f.m.capacities {
			return "go.appended(" + arg(0) + ", *go.utf16_append_rune([], " + arg(1) + "), size=2)", false
		}
		return "go.utf16_" + snake(strings.TrimPrefix(name, "unicode/utf16.")) + "(" + f.args(c) + ")", false
	case "unicode.IsLetter", "unicode.IsDigit", "unicode.IsNumber", "unicode.IsUpper", "unicode.IsLower",
		"unicode.IsPunct", "unicode.IsControl", "unicode.IsMark", "unicode.IsSymbol", "unicode.IsTitle":
		category := map[string]string{"IsLetter": "L", "IsDigit": "Nd", "IsNumber": "N", "IsUpper": "Lu",
			"IsLower": "Ll", "IsPunct": "P", "IsControl": "Cc", "IsMark": "M", "IsSymbol": "S",
			"IsTitle": "Lt"}[strings.TrimPrefix(name, "unicode.")]
		return "go.unicode_is(" + pyString(category) + ", " + arg(0) + ")", false
	case "unicode.IsSpace":
		return "go.unicode_is_space(" + arg(0) + ")", false
	case "unicode.IsPrint", "unicode.IsGraphic": // strconv's, the same tables
		return "go." + snake(strings.TrimPrefix(name, "unicode.")) + "(" + arg(0) + ")", false
	case "unicode.ToUpper", "unicode.ToLower":
		return "go.unicode_to(" + pyString(strings.ToLower(strings.TrimPrefix(name, "unicode.To"))) + ", " + arg(0) + ")", false
	case "bytes.ToUpper", "bytes.ToLower", "bytes.ToTitle":
		return libraryHelper(name) + "(" + arg(0) + ")", false // Go's simple case mapping, a new slice
	case "strings.ToUpper", "strings.ToLower":
		return "go." + snake(strings.TrimPrefix(name, "strings.")) + "(" + arg(0) + ")", false // Go's simple case mapping
	case "maps.Keys", "maps.Values", "maps.All":
		// an iterator over the map, in the order the strategy picks, as range picks it
		args := "rt, " + arg(0)
		if name != "maps.Keys" {
			args = f.withElemsCopier(args, c.Args[0]) // each value yielded a copy, as Go's
		}
		return "go." + strings.ToLower(strings.ReplaceAll(name, ".", "_")) + "(" + args + ")", false
	case "slices.Chunk":
		return "go.slices_chunk(" + f.args(c) + ")", false // copies: refuseSharedSubslices checks them
	case "slices.All", "slices.Values", "slices.Backward":
		// each element yielded a copy, as Go's
		return "go." + strings.ToLower(strings.ReplaceAll(name, ".", "_")) + "(" + f.withElemsCopier(arg(0), c.Args[0]) + ")", false
	case "iter.Pull", "iter.Pull2":
		// next() gives the zero values of the iterator's elements once it is done
		yield := under(p.info.TypeOf(c.Args[0])).(*types.Signature).Params().At(0).Type().(*types.Signature)
		var zeros []string
		for i := 0; i < yield.Params().Len(); i++ {
			z, _ := f.m.zero(yield.Params().At(i).Type(), c)
			zeros = append(zeros, "lambda: "+z)
		}
		return "go.iter_pull(" + arg(0) + ", " + strings.Join(zeros, ", ") + ")", false
	case "slices.Collect", "slices.Sorted", "maps.Collect":
		if libraryIterator(p, c.Args[0]) {
			// slices.Sorted(maps.Keys(m)): in one step, as the library's iterator never blocks
			return "go." + strings.ToLower(strings.ReplaceAll(name, ".", "_")) + "_now(" + arg(0) + ")", false
		}
		return f.yieldExpr("yield from go." + strings.ToLower(strings.ReplaceAll(name, ".", "_")) + "(" + arg(0) + ")")
	case "maps.Insert", "slices.AppendSeq":
		return f.yieldExpr("yield from " + libraryHelper(name) + "(" + f.args(c) + ")")
	case "sort.Ints", "sort.Strings", "slices.Sort":
		if e := elemType(p.info.TypeOf(c.Args[0])); e != nil && isFloat(e) {
			return "go.sort_float64s(" + arg(0) + ")", false // the NaNs first, as Go's
		}
		return paren(arg(0)) + ".sort()", false
	case "sort.Float64s":
		return "go.sort_float64s(" + arg(0) + ")", false
	case "sort.IntsAreSorted", "sort.Float64sAreSorted", "sort.StringsAreSorted":
		return "go.slices_is_sorted(" + arg(0) + ")", false // as Go's: the NaNs first
	case "sort.SearchInts", "sort.SearchStrings", "sort.SearchFloat64s":
		return "go.search_sorted(" + arg(0) + ", " + arg(1) + ")", false
	case "sort.Search":
		if f.mayBlock(c.Args[1]) {
			p.unsupported(c, "a sort.Search whose function blocks", "a function that only compares")
		}
		return "go.sort_search(" + arg(0) + ", " + arg(1) + ")", false
	case "sort.Find":
		if f.mayBlock(c.Args[1]) {
			p.unsupported(c, "a sort.Find whose function blocks", "a function that only compares")
		}
		return "go.sort_find(" + arg(0) + ", " + arg(1) + ")", false
	case "math/bits.Mul", "math/bits.Mul32", "math/bits.Mul64", "math/bits.Add", "math/bits.Add32",
		"math/bits.Add64", "math/bits.Sub", "math/bits.Sub32", "math/bits.Sub64",
		"math/bits.Div", "math/bits.Div32", "math/bits.Div64", "math/bits.Rem", "math/bits.Rem32", "math/bits.Rem64":
		fn := strings.TrimPrefix(name, "math/bits.")
		base := strings.TrimRight(fn, "0123456789")
		size := strings.TrimPrefix(fn, base)
		if size == "" {
			size = "64" // uint
		}
		return "go.bits_" + strings.ToLower(base) + "(" + f.args(c) + ", " + size + ")", false
	case "bytes.Equal":
		return paren(arg(0)) + " == " + paren(arg(1)), false
	case "strings.TrimSpace":
		return paren(arg(0)) + ".strip(go.SPACE)", false // Go's white space, not Python's
	case "strings.ToValidUTF8":
		return arg(0), false // a run's strings are text: see string(b)
	case "bytes.ToValidUTF8":
		return "go.bytes_to_valid_utf8(" + f.args(c) + ")", false
	case "strings.Fields":
		return "go.fields(" + arg(0) + ")", false // at Go's white space, not Python's
	case "strings.Count":
		return paren(arg(0)) + ".count(" + arg(1) + ")", false
	case "strings.ReplaceAll":
		return paren(arg(0)) + ".replace(" + arg(1) + ", " + arg(2) + ")", false
	case "strings.Replace": // n < 0: every one, as Python's count -1
		return paren(arg(0)) + ".replace(" + arg(1) + ", " + arg(2) + ", " + arg(3) + ")", false
	case "strings.TrimPrefix":
		return paren(arg(0)) + ".removeprefix(" + arg(1) + ")", false
	case "strings.TrimSuffix":
		return paren(arg(0)) + ".removesuffix(" + arg(1) + ")", false
	case "strings.Trim":
		return paren(arg(0)) + ".strip(" + arg(1) + ")", false
	case "strings.TrimLeft":
		return paren(arg(0)) + ".lstrip(" + arg(1) + ")", false
	case "strings.TrimRight":
		return paren(arg(0)) + ".rstrip(" + arg(1) + ")", false
	case "strings.ContainsAny":
		return "any(c in " + paren(arg(0)) + " for c in " + paren(arg(1)) + ")", false
	case "strings.ContainsRune":
		if r, ok := constant.Int64Val(constant.ToInt(p.info.Types[c.Args[1]].Value)); !ok || !utf8.ValidRune(rune(r)) {
			// it may be no rune: -1, a lexer's end of input
			return "go.strings_index_rune(" + arg(0) + ", " + arg(1) + ") >= 0", false
		}
		return "chr(" + arg(1) + ") in " + paren(arg(0)), false
	case "strconv.FormatBool":
		return "go.v(" + arg(0) + ")", false
	case "strings.EqualFold":
		return "go.equal_fold(" + arg(0) + ", " + arg(1) + ")", false
	case "slices.Contains":
		if interfaceElems(p.info.TypeOf(c.Args[0])) {
			return "go.slices_index(" + arg(0) + ", " + arg(1) + ", eq=go.equal) >= 0", false // 1 is not 1.0
		}
		if mayHoldNaN(p.info.TypeOf(c.Args[1])) {
			return "go.slices_index(" + arg(0) + ", " + arg(1) + ") >= 0", false // a NaN is never found
		}
		return paren(arg(1)) + " in " + paren(arg(0)), false
	case "crypto/md5.Sum", "crypto/sha1.Sum", "crypto/sha256.Sum256", "crypto/sha256.Sum224",
		"crypto/sha512.Sum512", "crypto/sha512.Sum384", "crypto/sha512.Sum512_224", "crypto/sha512.Sum512_256":
		return "go.digest_sum(" + pyString(digestName(name)) + ", " + arg(0) + ")", false
	case "crypto/md5.New", "crypto/sha1.New", "crypto/sha256.New", "crypto/sha256.New224",
		"crypto/sha512.New", "crypto/sha512.New384", "crypto/sha512.New512_224", "crypto/sha512.New512_256":
		return "go.Digest(" + pyString(digestName(name)) + ")", false
	case "encoding/hex.EncodeToString":
		return "bytes(" + arg(0) + ").hex()", false
	case "encoding/hex.DecodeString":
		return "go.hex_decode(" + arg(0) + ")", false
	case "encoding/hex.AppendEncode", "encoding/hex.AppendDecode":
		return libraryHelper(strings.TrimPrefix(name, "encoding/")) + "(" + f.args(c) + ")", false // a new slice
	case "encoding/csv.NewReader":
		return "go.csv.Reader(" + arg(0) + ")", false
	case "encoding/csv.NewWriter":
		return "go.csv.Writer(" + arg(0) + ")", false
	case "encoding/base64.NewEncoder":
		return "go.base64.NewEncoder(" + f.args(c) + ")", false
	case "encoding/hex.Encode":
		return "go.hex_encode(" + f.args(c) + ")", false
	case "encoding/hex.Decode":
		return "go.hex_decode_into(" + f.args(c) + ")", false
	case "encoding/hex.Dump":
		return "go.hex_dump(" + arg(0) + ")", false
	case "encoding/hex.EncodedLen":
		return "2 * " + paren(arg(0)), false
	case "encoding/hex.DecodedLen":
		return paren(arg(0)) + " // 2", false
	case "hash/crc32.ChecksumIEEE":
		return "go.crc32_ieee(" + arg(0) + ")", false
	case "bufio.ScanLines", "bufio.ScanWords", "bufio.ScanRunes", "bufio.ScanBytes":
		return libraryHelper(name) + "(" + f.args(c) + ")", false
	case "hash/crc32.NewIEEE":
		return "go.CRC32()", false
	case "hash/crc32.New":
		return "go.CRC32(" + arg(0) + ")", false
	case "hash/crc32.MakeTable", "hash/crc32.Checksum", "hash/crc32.Update", "hash/adler32.Checksum":
		return libraryHelper(strings.TrimPrefix(name, "hash/")) + "(" + f.args(c) + ")", false
	case "hash/adler32.New":
		return "go.Adler32()", false
	case "hash/fnv.New32", "hash/fnv.New32a", "hash/fnv.New64", "hash/fnv.New64a":
		kind := strings.TrimPrefix(name, "hash/fnv.New")
		if strings.HasSuffix(kind, "a") {
			return "go.FNV(" + strings.TrimSuffix(kind, "a") + ", a=True)", false
		}
		return "go.FNV(" + kind + ")", false
	case "slices.Equal":
		if interfaceElems(p.info.TypeOf(c.Args[0])) {
			return "go.slices_equal(" + arg(0) + ", " + arg(1) + ", eq=go.equal)", false // interface values' ==
		}
		if mayHoldNaN(elemType(p.info.TypeOf(c.Args[0]))) {
			return "go.slices_equal(" + arg(0) + ", " + arg(1) + ")", false // a NaN equal to nothing
		}
		return paren(arg(0)) + " == " + paren(arg(1)), false // nil and empty alike, as Go's
	case "slices.Reverse":
		return paren(arg(0)) + ".reverse()", false
	case "slices.SortFunc", "slices.SortStableFunc":
		helper := map[string]string{"slices.SortFunc": "slices_sort_func", "slices.SortStableFunc": "slices_sort_stable_func"}[name]
		if f.mayBlock(c.Args[1]) {
			return f.yieldExpr("yield from go." + helper + "_yielding(" + f.args(c) + ")") // cmp blocks
		}
		return "go." + helper + "(" + arg(0) + ", " + f.calledAtOnce(c, c.Args[1], "", "") + ")", false
	case "slices.IndexFunc", "slices.ContainsFunc", "slices.BinarySearchFunc", "slices.MaxFunc", "slices.MinFunc", "strings.Map", "bytes.Map",
		"strings.FieldsFunc", "strings.FieldsFuncSeq", "bytes.FieldsFunc", "bytes.FieldsFuncSeq", "bytes.IndexFunc", "bytes.LastIndexFunc",
		"bytes.ContainsFunc", "bytes.TrimFunc", "bytes.TrimLeftFunc", "bytes.TrimRightFunc", "strings.ContainsFunc", "slices.DeleteFunc", "slices.CompactFunc",
		"strings.TrimFunc", "strings.TrimLeftFunc", "strings.TrimRightFunc", "strings.IndexFunc", "strings.LastIndexFunc",
		"maps.DeleteFunc",
		"slices.IsSortedFunc", "slices.EqualFunc", "slices.CompareFunc", "maps.EqualFunc":
		fnArg := c.Args[len(c.Args)-1]
		if name == "strings.Map" || name == "bytes.Map" {
			fnArg = c.Args[0]
		}
		var parts []string
		for _, a := range c.Args {
			if a == fnArg {
				parts = append(parts, f.calledAtOnce(c, a, "a "+name+" whose function blocks", "a function that only compares or maps"))
			} else {
				parts = append(parts, f.value(a))
			}
		}
		args := strings.Join(parts, ", ")
		switch name {
		case "slices.ContainsFunc":
			return "go.slices_index_func(" + args + ") >= 0", false
		case "slices.DeleteFunc", "slices.CompactFunc":
			// in place, as Go's: the elements kept move to the front, the rest become zero
			return libraryHelper(name) + "(" + args + ", " + f.elemZero(c.Args[0], c) + ")", false
		}
		if (name == "slices.MaxFunc" || name == "slices.MinFunc") && f.m.isStructValue(p.info.TypeOf(c)) {
			return "go.copy(" + libraryHelper(name) + "(" + args + "))", false // the element's copy
		}
		return libraryHelper(name) + "(" + args + ")", false
	case "math/bits.OnesCount", "math/bits.OnesCount8", "math/bits.OnesCount16", "math/bits.OnesCount32", "math/bits.OnesCount64",
		"math/bits.Len", "math/bits.Len8", "math/bits.Len16", "math/bits.Len32", "math/bits.Len64":
		return "go.bits_" + snake(strings.TrimRight(strings.TrimPrefix(name, "math/bits."), "0123456789")) + "(" + arg(0) + ")", false
	case "math/bits.LeadingZeros", "math/bits.LeadingZeros8", "math/bits.LeadingZeros16", "math/bits.LeadingZeros32", "math/bits.LeadingZeros64",
		"math/bits.TrailingZeros", "math/bits.TrailingZeros8", "math/bits.TrailingZeros16", "math/bits.TrailingZeros32", "math/bits.TrailingZeros64",
		"math/bits.Reverse", "math/bits.Reverse8", "math/bits.Reverse16", "math/bits.Reverse32", "math/bits.Reverse64",
		"math/bits.ReverseBytes", "math/bits.ReverseBytes16", "math/bits.ReverseBytes32", "math/bits.ReverseBytes64",
		"math/bits.RotateLeft", "math/bits.RotateLeft8", "math/bits.RotateLeft16", "math/bits.RotateLeft32", "math/bits.RotateLeft64":
		fn := strings.TrimPrefix(name, "math/bits.")
		base := strings.TrimRight(fn, "0123456789")
		size := strings.TrimPrefix(fn, base)
		if size == "" {
			size = "64" // uint
		}
		return "go.bits_" + snake(base) + "(" + f.args(c) + ", " + size + ")", false
	case "slices.Delete":
		// in place, as Go's: the elements after j move down, the tail becomes zero
		return "go.slices_delete(" + f.args(c) + ", " + f.elemZero(c.Args[0], c) + ")", false
	case "slices.Insert":
		if f.m.capacities { // Go's growth past the capacity
			return "go.slices_insert(" + f.args(c) + ", capacities=True" + f.m.growth(c) + ")", false
		}
		return "go.slices_insert(" + f.args(c) + ")", false // a new list, as append to a full slice
	case "path/filepath.Match":
		return "go.path_match(" + f.args(c) + ", filepath=True)", false // its own ErrBadPattern
	case "path.Join", "path.Base", "path.Dir", "path.Ext", "path.Clean", "path.Split", "path.IsAbs", "path.Match",
		"path/filepath.Join", "path/filepath.Base", "path/filepath.Dir", "path/filepath.Ext",
		"path/filepath.Clean", "path/filepath.Split", "path/filepath.IsAbs":
		// Linux's filepath is path: slashes, lexically
		return "go.path_" + snake(name[strings.LastIndexByte(name, '.')+1:]) + "(" + f.args(c) + ")", false
	case "slices.Replace":
		// in place where it fits, as Go's, else a new list
		zero := ", zero=" + f.elemZero(c.Args[0], c)
		if f.m.capacities { // Go's growth past the capacity
			return "go.slices_replace(" + f.args(c) + zero + ", capacities=True" + f.m.growth(c) + ")", false
		}
		return "go.slices_replace(" + f.args(c) + zero + ")", false
	case "slices.Grow":
		if f.m.capacities { // Go's growth where the room is short
			zero := ""
			if sl, ok := under(p.info.TypeOf(c)).(*types.Slice); ok && !hasTypeParam(sl.Elem()) {
				z, _ := f.m.zero(sl.Elem(), c)
				zero = ", zero=lambda: " + z // s[:cap(s)] reads the zero values past the length
			}
			return "go.slices_grow(" + f.args(c) + ", capacities=True" + f.m.growth(c) + zero + ")", false
		}
		return "go.slices_grow(" + f.args(c) + ")", false
	case "slices.Clip":
		if f.m.capacities {
			return "go.slices_clip(" + arg(0) + ")", false // s[:len(s):len(s)]
		}
		return arg(0), false // its capacity is its length already
	case "sort.SliceIsSorted":
		less := f.calledAtOnce(c, c.Args[1], "a sort.SliceIsSorted whose less blocks", "a less that only compares")
		return "go.sort_slice_is_sorted(" + arg(0) + ", " + less + ")", false
	case "slices.Compact":
		elem := under(p.info.TypeOf(c.Args[0])).(*types.Slice).Elem()
		if eq := f.equality(elem, c); eq != "" {
			return "go.slices_compact(" + arg(0) + ", " + f.elemZero(c.Args[0], c) + ", " + eq + ")", false
		}
		return "go.slices_compact(" + arg(0) + ", " + f.elemZero(c.Args[0], c) + ")", false
	case "slices.Concat", "slices.Repeat", "maps.Copy":
		if len(c.Args) == 0 {
			return libraryHelper(name) + "()", false
		}
		return libraryHelper(name) + "(" + f.withElemsCopier(f.args(c), c.Args[0]) + ")", false // struct values copied
	case "slices.IsSorted", "slices.Compare":
		return libraryHelper(name) + "(" + f.args(c) + ")", false
	case "maps.Equal":
		elem := under(p.info.TypeOf(c.Args[0])).(*types.Map).Elem()
		if eq := f.equality(elem, c); eq != "" {
			return "go.maps_equal(" + f.args(c) + ", " + eq + ")", false
		}
		return "go.maps_equal(" + f.args(c) + ")", false
	case "slices.SortedFunc", "slices.SortedStableFunc":
		// it runs the iterator, and cmp, which may block, in this goroutine
		return f.yieldExpr("yield from " + libraryHelper(name) + "(" + f.args(c) + ")")
	case "maps.Clone":
		return "go.maps_clone(" + f.withElemsCopier(arg(0), c.Args[0]) + ")", false
	case "strings.FieldsSeq", "strings.SplitSeq", "strings.SplitAfterSeq", "strings.Lines",
		"bytes.FieldsSeq", "bytes.SplitSeq", "bytes.SplitAfterSeq", "bytes.Lines":
		return libraryHelper(name) + "(" + f.args(c) + ")", false // an iterator, as slices.Values
	case "slices.BinarySearch", "slices.Max", "slices.Min", "cmp.Compare", "cmp.Less":
		return libraryHelper(name) + "(" + f.args(c) + ")", false
	case "strings.Compare":
		return "go.cmp_compare(" + f.args(c) + ")", false // UTF-8's byte order is its code points' order
	case "cmp.Or":
		result := p.info.TypeOf(c)
		if sel, isSel := c.Fun.(*ast.SelectorExpr); isSel && result == nil {
			// cmp.Or[int64](0, -3), whose call f.call made anew without the type argument
			result = p.info.Instances[sel.Sel].Type.(*types.Signature).Results().At(0).Type()
		}
		b, ok := under(result).(*types.Basic)
		basic := ok && b.Info()&(types.IsInteger|types.IsString|types.IsBoolean|types.IsFloat) != 0
		nilZero := isPointer(result) || types.IsInterface(result)
		if !basic && !nilZero || c.Ellipsis.IsValid() {
			p.unsupported(c, "this cmp.Or", "cmp.Or of numbers, strings, bools, pointers or interfaces, each operand written out")
		}
		z, _ := f.m.zero(result, c)
		if nilZero {
			z = "None"
		}
		if len(c.Args) == 0 {
			return z, false // cmp.Or[int](): no operand, the zero value
		}
		var ops []string
		calls := false
		for _, a := range c.Args {
			ops = append(ops, f.operand(a, 2))
			calls = calls || f.writesInside(a)
		}
		if calls || nilZero || b.Info()&types.IsFloat != 0 {
			// every operand evaluated, as a call's arguments are (a call of the
			// program's may write what a later one reads); -0.0 is zero too
			return "go.cmp_or(" + z + ", " + strings.Join(ops, ", ") + ")", false
		}
		return strings.Join(ops, " or "), false // the first operand that is not zero: Python's or
	case "time.ParseDuration":
		return "go.parse_duration(" + arg(0) + ")", false
	case "strings.Split", "strings.SplitAfter", "strings.SplitAfterN", "strings.Index", "strconv.Atoi", "sort.Slice", "sort.SliceStable", "slices.Index",
		"strings.LastIndex", "strings.SplitN", "strconv.Quote", "strconv.FormatInt", "strconv.ParseBool",
		"strconv.FormatFloat", "strconv.ParseFloat", "strconv.ParseInt", "strings.Title",
		"strings.Cut", "strings.CutPrefix", "strings.CutSuffix",
		"sort.Sort", "sort.Stable", "sort.IsSorted", "sort.Reverse", "container/heap.Init", "container/heap.Push",
		"container/heap.Pop", "container/heap.Fix", "container/heap.Remove":
		f.plainInterfaceMethods(c)
		if name == "sort.Slice" && f.mayBlock(c.Args[1]) {
			return f.yieldExpr("yield from go.sort_slice_yielding(" + f.args(c) + ")") // less blocks
		}
		if name == "sort.SliceStable" && f.mayBlock(c.Args[1]) {
			return f.yieldExpr("yield from go.sort_slice_stable_yielding(" + f.args(c) + ")")
		}
		if name == "slices.Index" && interfaceElems(p.info.TypeOf(c.Args[0])) {
			return "go.slices_index(" + f.args(c) + ", eq=go.equal)", false // 1 is not 1.0
		}
		helper := map[string]string{
			"sort.Sort": "sort_sort", "sort.Stable": "sort_stable", "sort.IsSorted": "sort_is_sorted", "sort.Reverse": "SortReverse",
			"container/heap.Init": "heap_init", "container/heap.Push": "heap_push", "container/heap.Pop": "heap_pop",
			"container/heap.Fix": "heap_fix", "container/heap.Remove": "heap_remove",
			"strconv.FormatFloat": "format_float", "strconv.ParseFloat": "parse_float",
			"strconv.ParseInt": "parse_int", "strings.Title": "title", "strings.Cut": "cut",
			"strings.CutPrefix": "cut_prefix", "strings.CutSuffix": "cut_suffix",
			"strings.Split": "split", "strings.SplitAfter": "split_after", "strings.SplitAfterN": "split_after_n", "strings.Index": "index", "strconv.Atoi": "atoi",
			"sort.Slice": "sort_slice", "sort.SliceStable": "sort_slice_stable", "slices.Index": "slices_index",
			"strings.LastIndex": "last_index", "strings.SplitN": "split_n", "strconv.Quote": "quote",
			"strconv.FormatInt": "format_int", "strconv.ParseBool": "parse_bool",
		}[name]
		return "go." + helper + "(" + f.args(c) + ")", false
	case "strings.NewReader":
		return "go.StringsReader(" + arg(0) + ")", false
	case "bytes.NewReader":
		return "go.BytesReader(" + arg(0) + ")", false // of the list itself, as Go's of the array
	case "bytes.NewBuffer", "bytes.NewBufferString":
		return "go.Buffer(" + arg(0) + ")", false
	case "bufio.NewScanner":
		return "go.Scanner(" + arg(0) + ")", false // of a reader of the library's
	case "bufio.NewReader", "bufio.NewReaderSize":
		return "go.bufio_new_reader(" + f.args(c) + ")", false
	case "strings.NewReplacer":
		return "go.Replacer(" + f.args(c) + ")", false
	case "text/tabwriter.NewWriter":
		return "go.TabWriter(" + f.args(c) + ")", false
	case "bufio.NewWriter", "bufio.NewWriterSize":
		return "go.BufWriter(" + f.args(c) + ")", false // flushed by Flush, or when full
	case "io.WriteString":
		if f.m.blockingWrite(p.info.TypeOf(c.Args[0])) {
			return f.yieldExpr("yield from go.blocking_write(" + arg(0) + ", " + arg(1) + ")")
		}
		return "go.write_string(" + arg(0) + ", " + arg(1) + ")", false // its WriteString, if it has one
	case "io.ReadAll":
		if f.m.a.pipes { // the reader may be a pipe's, whose Read waits for a write
			return f.yieldExpr("yield from go.blocking_read_all(" + arg(0) + ")")
		}
		return "go.io_read_all(" + arg(0) + ")", false
	case "io.Copy":
		if f.m.a.pipes {
			return f.yieldExpr("yield from go.blocking_copy(" + arg(0) + ", " + arg(1) + ")")
		}
		return "go.io_copy(" + arg(0) + ", " + arg(1) + ")", false
	case "io.CopyN":
		if f.m.a.pipes {
			return f.yieldExpr("yield from go.blocking_copy_n(" + f.args(c) + ")")
		}
		return "go.io_copy_n(" + f.args(c) + ")", false
	case "io.CopyBuffer":
		if f.m.a.pipes {
			return f.yieldExpr("yield from go.blocking_copy(" + arg(0) + ", " + arg(1) + ")")
		}
		return "go.io_copy_buffer(" + f.args(c) + ")", false
	case "net.SplitHostPort", "net.JoinHostPort":
		return "go.net_" + snake(strings.TrimPrefix(name, "net.")) + "(" + f.args(c) + ")", false
	case "encoding/binary.PutUvarint", "encoding/binary.PutVarint", "encoding/binary.Uvarint",
		"encoding/binary.Varint", "encoding/binary.AppendUvarint", "encoding/binary.AppendVarint",
		"encoding/binary.ReadUvarint", "encoding/binary.ReadVarint":
		if f.m.a.pipes && (name == "encoding/binary.ReadUvarint" || name == "encoding/binary.ReadVarint") {
			// its io.ByteReader may be a bufio.Reader over a pipe's end
			return f.yieldExpr("yield from go.blocking_" + snake(strings.TrimPrefix(name, "encoding/binary.")) + "(" + f.args(c) + ")")
		}
		if f.m.capacities && (name == "encoding/binary.AppendUvarint" || name == "encoding/binary.AppendVarint") {
			// the bytes as one append, into b's room or Go's growth (Go appends them one by one)
			return "go.appended(" + arg(0) + ", *go.binary_" + snake(strings.TrimPrefix(name, "encoding/binary.")) + "([], " + arg(1) + "), size=1)", false
		}
		return "go.binary_" + snake(strings.TrimPrefix(name, "encoding/binary.")) + "(" + f.args(c) + ")", false
	case "io.Pipe":
		return "go.pipe(rt)", false
	case "net.Pipe":
		return "go.net_pipe(rt)", false
	case "encoding/binary.Read", "encoding/binary.Write":
		if t := p.info.TypeOf(c.Args[2]); name == "encoding/binary.Read" && !isPointer(t) && !types.IsInterface(t) {
			if _, slice := under(t).(*types.Slice); !slice {
				// binary.Read(r, order, x): Go's error, after the bytes its fast path reads for an int
				call := "go.binary_read_invalid(" + arg(0) + ", " + strconv.Itoa(fastReadSize(t)) + ", " + pyString(reflectType(t)) + ")"
				if !f.m.a.pipes && inMemoryIO(p, c.Args[0]) {
					return strings.Replace(call, "(", "_now(", 1), false
				}
				return f.yieldExpr("yield from " + call)
			}
		}
		layout := f.binaryArg(c, c.Args[2])
		call := "go.binary_" + strings.ToLower(strings.TrimPrefix(name, "encoding/binary.")) + "(" + arg(0) + ", " + arg(1) + ", " + arg(2) + ", " + layout + ")"
		if !f.m.a.pipes && inMemoryIO(p, c.Args[0]) {
			return strings.Replace(call, "(", "_now(", 1), false // from a bytes.Reader: never blocks
		}
		return f.yieldExpr("yield from " + call)
	case "encoding/binary.Size":
		return "go.binary_size(" + arg(0) + ", " + f.binaryArg(c, c.Args[0]) + ")", false
	case "io.MultiWriter", "io.MultiReader", "io.TeeReader", "io.NopCloser":
		return "go." + strings.TrimPrefix(name, "io.") + "(" + f.args(c) + ")", false
	case "io.LimitReader":
		return "go.LimitedReader(" + arg(0) + ", " + arg(1) + ")", false
	case "strconv.ParseUint":
		return "go.parse_uint(" + f.args(c) + ")", false
	case "strconv.QuoteRune":
		return "go.quote_rune(" + arg(0) + ")", false
	case "strconv.FormatUint":
		return "go.format_int(" + f.args(c) + ")", false
	case "strconv.Unquote", "strconv.QuoteToASCII", "strconv.AppendInt", "strconv.AppendUint", "strconv.AppendQuote", "strconv.IsPrint",
		"strconv.AppendBool", "strconv.AppendFloat", "strconv.QuoteRuneToASCII", "strconv.AppendQuoteRune",
		"strconv.AppendQuoteRuneToASCII", "strconv.AppendQuoteToASCII", "strconv.QuoteToGraphic",
		"strconv.QuoteRuneToGraphic", "strconv.IsGraphic", "strconv.CanBackquote", "strconv.UnquoteChar",
		"strconv.QuotedPrefix", "strconv.AppendQuoteToGraphic", "strconv.AppendQuoteRuneToGraphic":
		helper := map[string]string{"strconv.Unquote": "unquote", "strconv.QuoteToASCII": "quote_to_ascii",
			"strconv.AppendInt": "append_int", "strconv.AppendUint": "append_int", // FormatInt's digits of a uint64 too
			"strconv.AppendQuote": "append_quote", "strconv.IsPrint": "is_print",
			"strconv.AppendBool": "append_bool", "strconv.AppendFloat": "append_float",
			"strconv.QuoteRuneToASCII": "quote_rune_to_ascii", "strconv.AppendQuoteRune": "append_quote_rune",
			"strconv.AppendQuoteRuneToASCII": "append_quote_rune_to_ascii",
			"strconv.AppendQuoteToASCII":     "append_quote_to_ascii", "strconv.QuoteToGraphic": "quote_to_graphic",
			"strconv.QuoteRuneToGraphic": "quote_rune_to_graphic", "strconv.IsGraphic": "is_graphic",
			"strconv.CanBackquote": "can_backquote", "strconv.UnquoteChar": "unquote_char",
			"strconv.QuotedPrefix": "quoted_prefix", "strconv.AppendQuoteToGraphic": "append_quote_to_graphic",
			"strconv.AppendQuoteRuneToGraphic": "append_quote_rune_to_graphic"}[name]
		if f.m.capacities && strings.HasPrefix(helper, "append_") {
			// the bytes appended as append appends them, into dst's room or Go's growth
			rest := []string{"[]"}
			for i := 1; i < len(c.Args); i++ {
				rest = append(rest, arg(i))
			}
			if strings.HasPrefix(helper, "append_quote") && !strings.HasPrefix(helper, "append_quote_rune") {
				return "go.quote_appended(" + arg(0) + ", " + arg(1) + ", go." + helper + ")", false // room made first
			}
			return "go.appended(" + arg(0) + ", *go." + helper + "(" + strings.Join(rest, ", ") + "), size=1)", false
		}
		return "go." + helper + "(" + f.args(c) + ")", false
	case "strings.ToTitle", "strings.IndexRune", "strings.IndexByte", "strings.LastIndexByte", "strings.IndexAny",
		"strings.LastIndexAny",
		"bytes.Contains", "bytes.Index", "bytes.IndexByte", "bytes.LastIndexByte", "bytes.HasPrefix", "bytes.HasSuffix", "bytes.Compare", "bytes.Repeat",
		"bytes.Fields", "bytes.Split", "bytes.SplitAfter", "bytes.TrimSpace", "bytes.Cut", "bytes.CutPrefix", "bytes.CutSuffix",
		"bytes.Join", "bytes.SplitN", "bytes.LastIndex", "bytes.IndexRune", "bytes.ContainsRune", "bytes.IndexAny",
		"bytes.ContainsAny", "bytes.LastIndexAny", "bytes.SplitAfterN", "bytes.Replace", "bytes.ReplaceAll", "bytes.Runes", "bytes.EqualFold", "html.EscapeString", "html.UnescapeString":
		return libraryHelper(name) + "(" + f.args(c) + ")", false
	case "bytes.Trim":
		return "go.bytes_trim(" + arg(0) + ", " + arg(1) + ")", false
	case "bytes.TrimLeft":
		return "go.bytes_trim(" + arg(0) + ", " + arg(1) + ", right=False)", false
	case "bytes.TrimRight":
		return "go.bytes_trim(" + arg(0) + ", " + arg(1) + ", left=False)", false
	case "bytes.TrimPrefix", "bytes.TrimSuffix", "bytes.Count":
		return libraryHelper(name) + "(" + f.args(c) + ")", false
	case "unicode.ToTitle":
		return "go.unicode_to(\"title\", " + arg(0) + ")", false
	case "unicode.To":
		return "go.unicode_to_case(" + f.args(c) + ")", false
	case "container/list.New":
		return "go.list_new()", false
	case "container/ring.New":
		return "go.ring_new(" + arg(0) + ")", false
	case "math/big.NewRat":
		return "go.new_rat(" + arg(0) + ", " + arg(1) + ")", false
	case "math/big.NewInt":
		return "go.BigInt(" + arg(0) + ")", false
	case "sync.NewCond":
		return f.syncCond(c, c.Args[0]), false
	case "runtime/pprof.Lookup":
		return "go.pprof_lookup(rt, " + arg(0) + ")", false
	case "math/rand.Intn":
		return "go.rand_intn(rt, " + arg(0) + ")", false // from the run's seed
	case "math/rand.Int31n", "math/rand.Int63n", "math/rand/v2.IntN", "math/rand/v2.Int32N", "math/rand/v2.Int64N",
		"math/rand/v2.UintN", "math/rand/v2.Uint32N", "math/rand/v2.Uint64N", "math/rand/v2.N":
		fnName := name[strings.LastIndex(name, ".")+1:] // which Go's panic names
		return "go.rand_intn(rt, " + arg(0) + ", " + pyString(fnName) + ")", false
	case "math/rand.Int63", "math/rand.Int", "math/rand/v2.Int64", "math/rand/v2.Int":
		return "go.rand_int63(rt)", false
	case "math/rand.Int31", "math/rand/v2.Int32":
		return "go.rand_bits(rt, 31)", false
	case "math/rand.Uint32", "math/rand/v2.Uint32":
		return "go.rand_bits(rt, 32)", false
	case "math/rand.Uint64", "math/rand/v2.Uint64":
		return "go.rand_bits(rt, 64)", false
	case "math/rand.Float64", "math/rand/v2.Float64":
		return "go.rand_float64(rt)", false
	case "math/rand.NormFloat64", "math/rand/v2.NormFloat64":
		return "go.rand_norm_float64(rt)", false
	case "math/rand.ExpFloat64", "math/rand/v2.ExpFloat64":
		return "go.rand_exp_float64(rt)", false
	case "math/rand.Perm", "math/rand/v2.Perm":
		return "go.rand_perm(rt, " + arg(0) + ")", false
	case "math/rand.Shuffle", "math/rand/v2.Shuffle":
		swap := f.calledAtOnce(c, c.Args[1], "a rand.Shuffle whose swap function blocks", "a function that only swaps")
		return "go.rand_shuffle(rt, " + arg(0) + ", " + swap + ")", false
	case "math/rand.NewSource":
		return "go.rand_new_source(" + arg(0) + ")", false // Go's generator, seeded as Go's
	case "math/rand.New":
		if !types.IsInterface(p.info.TypeOf(c.Args[0])) {
			p.unsupported(c, "rand.New of a source of the program's own", "rand.New(rand.NewSource(seed))")
		}
		return "go.rand_new(" + arg(0) + ")", false
	case "math/rand/v2.NewPCG":
		return "go.PCG(" + arg(0) + ", " + arg(1) + ")", false // Go's generator, seeded as Go's
	case "math/rand/v2.New":
		return "go.rand_v2_new(" + arg(0) + ")", false
	case "io.ReadFull":
		// the reader is the program's: its Read may block
		return f.yieldExpr("yield from go.read_full(" + arg(0) + ", " + arg(1) + ")")
	case "io.ReadAtLeast":
		return f.yieldExpr("yield from go.read_at_least(" + f.args(c) + ")")
	case "net.DialUDP":
		// without a remote address Go's DialUDP fails at once; with one it needs a network
		if !f.isNil(c.Args[2]) {
			p.unsupported(c, "net.DialUDP with a remote address (a network)", "a model of the peer: a channel")
		}
		return "go.dial_udp(" + arg(0) + ", " + arg(1) + ", None)", false
	case "log.Printf", "log.Print", "log.Println", "log.Panicf", "log.Panic", "log.Panicln":
		text := f.logLine(c, name)
		call := "log"
		if strings.HasPrefix(name, "log.Panic") {
			call = "log_panic"
		}
		if f.m.a.pipes { // the output may be a pipe's
			return f.yieldExpr("yield from go.blocking_" + call + "(rt, " + text + ")")
		}
		return "go." + call + "(rt, " + text + ")", false
	case "log.Fatalf", "log.Fatal", "log.Fatalln":
		if f.m.a.pipes {
			return f.yieldExpr("yield from go.blocking_fatal(rt, " + f.logLine(c, name) + ")")
		}
		return f.yieldExpr("yield go.fatal(rt, " + f.logLine(c, name) + ")")
	case "log.New":
		return "go.Logger(rt, " + f.args(c) + ")", false
	case "log.SetFlags", "log.Flags", "log.SetPrefix", "log.Prefix", "log.SetOutput", "log.Writer":
		if len(c.Args) == 0 {
			return libraryHelper(name) + "(rt)", false
		}
		return libraryHelper(name) + "(rt, " + f.args(c) + ")", false
	}
	if strings.HasPrefix(name, "encoding/json.") {
		if out, ok := f.jsonCall(c, name); ok {
			return out, strings.HasPrefix(out, "(yield from ")
		}
	}
	if strings.HasPrefix(name, "log/slog.") {
		if out, ok := f.slogCall(c, name); ok {
			return out, strings.HasPrefix(out, "(yield from ")
		}
	}
	if out, ok := f.flagCall(c, name); ok {
		return out, false
	}
	if strings.HasPrefix(name, "regexp.") {
		if out, ok := f.regexpCall(c, name); ok {
			return out, false
		}
	}
	if strings.HasPrefix(name, "sync/atomic.") {
		// an atomic access is an operation the goroutine yields: where a preemptive
		// strategy may switch goroutines, as Go may between two of them
		op := strings.TrimPrefix(name, "sync/atomic.")
		if obj, field, ok := f.atomicPlace(c.Args[0]); ok {
			for _, verb := range []string{"CompareAndSwap", "Store", "Load", "Swap", "Add", "And", "Or"} {
				kind, found := strings.CutPrefix(op, verb)
				if !found {
					continue
				}
				args := []string{obj, field, strconv.Quote(kind)}
				for i := 1; i < len(c.Args); i++ {
					args = append(args, arg(i))
				}
				return f.yieldExpr("yield go.atomic_" + snake(verb) + "(" + strings.Join(args, ", ") + ")")
			}
		}
	}
	p.unsupported(c, "a call to "+name, "the standard library subset simlab models (time, context, sync, sync/atomic, errors, fmt, log, log/slog, math, runtime, some of strings/bytes/bufio/strconv/sort/slices/maps/cmp: docs/translate.md lists it)")
	return "", false
}

// scanKind: the basic type a pointer of type t given to fmt.Sscan points to
// (int8, uint, float32, string, bool: fmt reads its kind), or "" for another
// pointer, one to a type with a Scan method of its own among them.
func scanKind(t types.Type) string {
	ptr, ok := under(t).(*types.Pointer)
	if !ok {
		return ""
	}
	b, ok := under(ptr.Elem()).(*types.Basic)
	if !ok || b.Info()&(types.IsInteger|types.IsFloat|types.IsString|types.IsBoolean) == 0 {
		return ""
	}
	for _, m := range []types.Type{ptr.Elem(), t} {
		if sel := types.NewMethodSet(m).Lookup(nil, "Scan"); sel != nil {
			return "" // a fmt.Scanner, which reads itself
		}
	}
	return types.Typ[b.Kind()].Name()
}

// derefNamed: the named type t is, or points to.
func derefNamed(t types.Type) (*types.Named, bool) {
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	n, ok := t.(*types.Named)
	return n, ok
}

func isUntypedNil(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && b.Kind() == types.UntypedNil
}

func isPointer(t types.Type) bool {
	_, ok := under(t).(*types.Pointer)
	return ok
}

// isUintptr: the conversion c to unsafe.Pointer is the operand of uintptr(...).
func isUintptr(c ast.Expr, p *program) bool {
	ok := false
	for _, file := range p.files {
		ast.Inspect(file, func(n ast.Node) bool {
			if call, isCall := n.(*ast.CallExpr); isCall && len(call.Args) == 1 && ast.Unparen(call.Args[0]) == c {
				if tv, isType := p.info.Types[ast.Unparen(call.Fun)]; isType && tv.IsType() && isBasicKind(tv.Type, types.Uintptr) {
					ok = true
				}
			}
			return !ok
		})
	}
	return ok
}

// wrappedType: the class of a named channel type with methods, or "".
func (m *module) wrappedType(t types.Type) string {
	if n, ok := t.(*types.Named); ok && m.wrapped[n.Obj()] {
		return m.globals[n.Obj()]
	}
	return ""
}

// isNil: e is the predeclared nil.
func (f *fn) isNil(e ast.Expr) bool {
	return f.p.info.Types[ast.Unparen(e)].IsNil()
}

// fieldAddr: &x.f (possibly converted, (*uint32)(&x.f)) as the Python x and the field's name.
func (f *fn) fieldAddr(e ast.Expr) (string, string, bool) {
	e = ast.Unparen(e)
	if c, ok := e.(*ast.CallExpr); ok && len(c.Args) == 1 {
		if tv, ok := f.p.info.Types[ast.Unparen(c.Fun)]; ok && tv.IsType() {
			e = ast.Unparen(c.Args[0])
		}
	}
	u, ok := e.(*ast.UnaryExpr)
	if !ok || u.Op != token.AND {
		return "", "", false
	}
	sel, ok := ast.Unparen(u.X).(*ast.SelectorExpr)
	if !ok || f.p.info.Selections[sel] == nil || f.p.info.Selections[sel].Kind() != types.FieldVal {
		return "", "", false
	}
	s := f.p.info.Selections[sel]
	return f.expr(sel.X) + embeddedPath(s.Recv(), s.Index()), fieldName(sel.Sel.Name), true
}

// atomicPlace: where the pointer an atomic function is given points, as golib's
// atomic operations take it, the second as Python: an object and the name of its
// field (&s.n), the package's globals() and a variable's name (&count, a package
// variable), a slice and an index (&s[i]), or a go.Ref and "v" (&n for a local
// variable, which findBoxed puts in a go.Ref, or a pointer held in a variable:
// golib follows a FieldRef or ElemRef to its place).
func (f *fn) atomicPlace(e ast.Expr) (string, string, bool) {
	if obj, field, ok := f.fieldAddr(e); ok {
		return obj, strconv.Quote(field), true
	}
	e = ast.Unparen(e)
	u, ok := e.(*ast.UnaryExpr)
	if !ok {
		if isPointer(f.p.info.TypeOf(e)) {
			return f.expr(e), `"v"`, true
		}
		return "", "", false
	}
	if u.Op != token.AND {
		return "", "", false
	}
	switch x := ast.Unparen(u.X).(type) {
	case *ast.IndexExpr:
		// a slice's or an array's element (through a pointer too), the only elements
		// Go lets a program take the address of: the list, as it is at the access
		return f.sequence(x.X), f.value(x.Index), true
	case *ast.Ident:
		v, ok := f.p.info.Uses[x].(*types.Var)
		switch {
		case !ok:
		case f.p.packageLevel(v):
			return "globals()", strconv.Quote(f.name(v)), true
		case f.m.boxed[v]:
			return f.name(v), `"v"`, true
		}
	}
	return "", "", false
}

// funcArg renders a function passed to the runtime (AfterFunc, WaitGroup.Go).
func (f *fn) funcArg(e ast.Expr) (string, string) {
	if lit, ok := e.(*ast.FuncLit); ok {
		return f.closure(lit), f.m.a.byLit[lit].name
	}
	return f.funcValue(e, e)
}

func plainPrint(t types.Type) bool {
	if _, named := t.(*types.Named); named {
		return false
	}
	b, ok := t.(*types.Basic)
	return ok && (b.Info()&types.IsString != 0 || b.Info()&types.IsInteger != 0)
}

// stdMethod renders a call of a method of a standard library type.
// snakeMethods: the standard library's methods that simlab's value has under
// their snake_case names, taking the call's arguments as they are and never
// blocking, so a call is the same call (sb.WriteString(s) is sb.write_string(s))
// and a method value the bound method (emit := sb.WriteString).
var snakeMethods = map[string]bool{
	"strings.Builder.Write": true, "strings.Builder.WriteString": true, "strings.Builder.WriteByte": true,
	"strings.Builder.WriteRune": true, "strings.Builder.String": true, "strings.Builder.Len": true,
	"strings.Builder.Reset": true, "strings.Builder.Grow": true, "strings.Replacer.Replace": true,
	"bytes.Buffer.Write": true, "bytes.Buffer.WriteString": true, "bytes.Buffer.WriteByte": true,
	"bytes.Buffer.WriteRune": true, "bytes.Buffer.String": true, "bytes.Buffer.Bytes": true, "bytes.Buffer.Len": true,
	"bytes.Buffer.Reset": true, "bytes.Buffer.WriteTo": true, "bytes.Buffer.Grow": true, "bytes.Buffer.Truncate": true,
	"bytes.Buffer.Read": true, "bytes.Buffer.ReadByte": true, "bytes.Buffer.ReadRune": true,
	"bytes.Buffer.ReadBytes": true, "bytes.Buffer.ReadString": true, "bytes.Buffer.Next": true,
	"bytes.Buffer.UnreadByte": true, "bytes.Buffer.UnreadRune": true,
	"container/list.List.Init": true, "container/list.List.Len": true, "container/list.List.Front": true,
	"container/list.List.Back": true, "container/list.List.PushFront": true, "container/list.List.PushBack": true,
	"container/list.List.InsertBefore": true, "container/list.List.InsertAfter": true,
	"container/list.List.Remove": true, "container/list.List.MoveToFront": true,
	"container/list.List.MoveToBack": true, "container/list.List.MoveBefore": true,
	"container/list.List.MoveAfter": true, "container/list.List.PushBackList": true,
	"container/list.List.PushFrontList": true, "container/list.Element.Next": true,
	"container/list.Element.Prev": true, "container/ring.Ring.Next": true, "container/ring.Ring.Prev": true,
	"container/ring.Ring.Move": true, "container/ring.Ring.Link": true, "container/ring.Ring.Unlink": true,
	"fmt.State.Write": true, "fmt.State.Width": true, "fmt.State.Precision": true, "fmt.State.Flag": true,
	"hash.Hash.Sum": true, "hash.Hash.Size": true, "hash.Hash.BlockSize": true,
	"encoding/binary.bigEndian.Uint16": true, "encoding/binary.bigEndian.Uint32": true,
	"encoding/binary.bigEndian.Uint64": true, "encoding/binary.bigEndian.PutUint16": true,
	"encoding/binary.bigEndian.PutUint32": true, "encoding/binary.bigEndian.PutUint64": true,
	"encoding/binary.bigEndian.AppendUint16": true, "encoding/binary.bigEndian.AppendUint32": true,
	"encoding/binary.bigEndian.AppendUint64": true, "encoding/binary.littleEndian.Uint16": true,
	"encoding/binary.littleEndian.Uint32": true, "encoding/binary.littleEndian.Uint64": true,
	"encoding/binary.littleEndian.PutUint16": true, "encoding/binary.littleEndian.PutUint32": true,
	"encoding/binary.littleEndian.PutUint64": true, "encoding/binary.littleEndian.AppendUint16": true,
	"encoding/binary.littleEndian.AppendUint32": true, "encoding/binary.littleEndian.AppendUint64": true,
	"encoding/binary.bigEndian.String": true, "encoding/binary.littleEndian.String": true,
	"encoding/binary.ByteOrder.Uint16": true, "encoding/binary.ByteOrder.Uint32": true,
	"encoding/binary.ByteOrder.Uint64": true, "encoding/binary.ByteOrder.PutUint16": true,
	"encoding/binary.ByteOrder.PutUint32": true, "encoding/binary.ByteOrder.PutUint64": true,
	"encoding/binary.ByteOrder.String": true, "encoding/binary.AppendByteOrder.AppendUint16": true,
	"encoding/binary.AppendByteOrder.AppendUint32": true, "encoding/binary.AppendByteOrder.AppendUint64": true,
	"encoding/binary.AppendByteOrder.String":  true,
	"encoding/base64.Encoding.EncodeToString": true, "encoding/base64.Encoding.DecodeString": true,
	"encoding/base64.Encoding.Encode": true, "encoding/base64.Encoding.Decode": true,
	"encoding/base64.Encoding.AppendEncode": true, "encoding/base64.Encoding.AppendDecode": true,
	"encoding/base64.Encoding.EncodedLen": true, "encoding/base64.Encoding.DecodedLen": true,
	"encoding/base64.Encoding.Strict": true, "encoding/base64.Encoding.WithPadding": true,
}

// goNamedMethods: the standard library's methods that simlab's value has under
// Go's own names, taking the call's arguments as they are and never blocking (a
// method value is the bound method, roll := r.IntN).
var goNamedMethods = map[string]bool{
	"math/rand.Rand.Int63": true, "math/rand.Rand.Uint32": true, "math/rand.Rand.Uint64": true,
	"math/rand.Rand.Int31": true, "math/rand.Rand.Int": true, "math/rand.Rand.Int63n": true,
	"math/rand.Rand.Int31n": true, "math/rand.Rand.Intn": true, "math/rand.Rand.Float64": true,
	"math/rand.Rand.Float32": true, "math/rand.Rand.Perm": true, "math/rand.Rand.Seed": true,
	"math/rand.Rand.NormFloat64": true, "math/rand.Rand.ExpFloat64": true,
	"math/rand.Source.Int63": true, "math/rand.Source.Seed": true, "math/rand.Source64.Uint64": true,
	"math/rand/v2.Rand.Int64": true, "math/rand/v2.Rand.Uint32": true, "math/rand/v2.Rand.Uint64": true,
	"math/rand/v2.Rand.Int32": true, "math/rand/v2.Rand.Int": true, "math/rand/v2.Rand.Uint": true,
	"math/rand/v2.Rand.Int64N": true, "math/rand/v2.Rand.Uint64N": true, "math/rand/v2.Rand.Int32N": true,
	"math/rand/v2.Rand.Uint32N": true, "math/rand/v2.Rand.IntN": true, "math/rand/v2.Rand.UintN": true,
	"math/rand/v2.Rand.N": true, "math/rand/v2.Rand.Float64": true, "math/rand/v2.Rand.Float32": true,
	"math/rand/v2.Rand.Perm": true, "math/rand/v2.Rand.NormFloat64": true, "math/rand/v2.Rand.ExpFloat64": true,
	"math/rand/v2.PCG.Uint64": true, "math/rand/v2.PCG.Seed": true, "math/rand/v2.Source.Uint64": true,
}

func (f *fn) stdMethod(c *ast.CallExpr, sel *ast.SelectorExpr, fn *types.Func) (string, bool) {
	p := f.p
	recv := f.expr(sel.X)
	arg := func(i int) string { return f.value(c.Args[i]) }
	if fn.Pkg() == nil && fn.Name() == "Error" {
		if f.m.blockingFmt(p.info.TypeOf(sel.X)) {
			return f.yieldExpr("yield from go.error_of(" + recv + ")")
		}
		return "go.error_text(" + recv + ")", false // of a nil error: Go's nil dereference
	}
	if ptr, ok := p.info.TypeOf(sel.X).(*types.Pointer); ok {
		switch under(ptr.Elem()).(type) {
		case *types.Basic, *types.Map: // (p.Add("a", "1") of a *url.Values too)
			recv = paren(recv) + ".v" // p.String() of a *time.Duration: the go.Ref's value
		}
	}
	if s := p.info.Selections[sel]; s != nil && len(s.Index()) > 1 && (namedOf(s.Recv()) == nil || p.ours(namedOf(s.Recv()).Obj().Pkg())) {
		recv = paren(recv) + embeddedPath(s.Recv(), s.Index()) // p.Read(buf) of an embedded *strings.Reader
	}
	key := methodKey(fn)
	if atomicMethod(fn) || syncMapMethod(fn) && key != "sync.Map.Range" {
		return f.yieldExpr("yield " + recv + "." + atomicName(fn) + "(" + f.args(c) + ")")
	}
	if cls := sortSlice(fn.Type().(*types.Signature).Recv().Type()); cls != "" {
		if isPointer(p.info.TypeOf(sel.X)) {
			recv = paren(recv) + ".v" // a go.Ref of the slice
		}
		switch fn.Name() {
		case "Sort":
			return "go.sort_sort(go." + cls + "(" + recv + "))", false
		case "Search":
			return "go.search_sorted(" + recv + ", " + arg(0) + ")", false
		}
		args := f.args(c)
		if args != "" {
			args = ", " + args
		}
		return "go." + cls + "." + fn.Name() + "(" + recv + args + ")", false // go.IntSlice.Len(xs)
	}
	if f.m.capacities && strings.HasPrefix(key, "encoding/binary.") && strings.HasPrefix(fn.Name(), "AppendUint") {
		// b = binary.BigEndian.AppendUint32(b, v): one append, into b's room or Go's growth
		return "go.appended(" + arg(0) + ", *" + recv + "." + snake(fn.Name()) + "([], " + arg(1) + "), size=1)", false
	}
	if strings.HasPrefix(key, "hash.Hash") && f.p.declaresMethod(fn.Name()) {
		// h.Sum(nil) through a hash.Hash that may hold the program's own type
		return "go.hash_method(" + recv + ", " + pyString(fn.Name()) + ")(" + f.args(c) + ")", false
	}
	if snakeMethods[key] {
		return recv + "." + snake(fn.Name()) + "(" + f.args(c) + ")", false // sb.WriteString(s): sb.write_string(s)
	}
	if goNamedMethods[key] {
		return recv + "." + fn.Name() + "(" + f.args(c) + ")", false // r.Intn(6): go.Rand's methods have Go's names
	}
	switch key {
	case "fmt.Stringer.String":
		if f.m.a.genFamily(methodFamily(fn)) {
			// a String of the program locks its mutex: the held value's, run here
			return f.yieldExpr("yield from go.call(" + recv + ".String)")
		}
		return recv + ".String()", false // the value's own method
	case "os.File.WriteString":
		return "go.fprint(" + recv + ", " + arg(0) + ")", false // os.Stdout, os.Stderr
	case "os.File.Write":
		return "go.fprint(" + recv + ", go.string_of(" + arg(0) + "))", false
	case "os.File.Name":
		return "go.file_name(" + recv + ")", false // /dev/stdout
	case "encoding/csv.Reader.Read", "encoding/csv.Reader.ReadAll", "encoding/csv.Writer.Write",
		"encoding/csv.Writer.WriteAll", "encoding/csv.Writer.Flush":
		if f.m.a.pipeRead(key, p.info.TypeOf(sel.X)) { // its reader or writer may be a pipe's
			return f.yieldExpr("yield from " + recv + ".blocking_" + snake(fn.Name()) + "(" + f.args(c) + ")")
		}
		return recv + "." + fn.Name() + "(" + f.args(c) + ")", false
	case "reflect.Type.String", "reflect.Type.Name", "reflect.Type.Elem":
		return recv + "." + fn.Name() + "()", false
	case "unique.Handle.Value":
		return recv + ".Value()", false
	case "runtime.PanicNilError.Error", "runtime.PanicNilError.RuntimeError":
		return recv + "." + fn.Name() + "()", false // pe.Error() of a recovered panic(nil)
	case "net/url.URL.String", "net/url.URL.Hostname", "net/url.URL.Port", "net/url.URL.Query", "net/url.URL.IsAbs",
		"net/url.URL.EscapedPath", "net/url.URL.EscapedFragment", "net/url.URL.RequestURI", "net/url.URL.Redacted",
		"net/url.URL.Parse", "net/url.URL.ResolveReference", "net/url.URL.JoinPath", "net/url.URL.MarshalBinary",
		"net/url.URL.UnmarshalBinary", "net/url.URL.Clone",
		"net/url.Error.Unwrap", "net/url.Error.Timeout", "net/url.Error.Temporary",
		"net/url.EscapeError.Error", "net/url.InvalidHostError.Error":
		return recv + "." + fn.Name() + "(" + f.args(c) + ")", false // Go's names, as go.url.URL's
	case "net/url.Userinfo.Username", "net/url.Userinfo.Password":
		return "go.url." + snake(fn.Name()) + "(" + recv + ")", false // of a nil *Userinfo too
	case "net/url.Userinfo.String":
		return "go.url.userinfo_string(" + recv + ")", false
	case "net/url.Values.Get", "net/url.Values.Set", "net/url.Values.Add", "net/url.Values.Del", "net/url.Values.Has",
		"net/url.Values.Encode", "net/url.Values.Clone":
		args := f.args(c)
		if args != "" {
			args = ", " + args
		}
		return "go.url.values_" + snake(fn.Name()) + "(" + recv + args + ")", false // the map is a dict
	case "encoding/csv.Reader.FieldPos", "encoding/csv.Reader.InputOffset", "encoding/csv.Writer.Error",
		"encoding/csv.ParseError.Error", "encoding/csv.ParseError.Unwrap":
		return recv + "." + fn.Name() + "(" + f.args(c) + ")", false
	case "math/rand.Rand.Shuffle", "math/rand/v2.Rand.Shuffle":
		swap := f.calledAtOnce(c, c.Args[1], "a rand.Shuffle whose swap function blocks", "a function that only swaps")
		return recv + ".Shuffle(" + arg(0) + ", " + swap + ")", false
	case "sort.Interface.Len", "sort.Interface.Less", "sort.Interface.Swap",
		"container/heap.Interface.Push", "container/heap.Interface.Pop":
		for fn, u := range f.m.a.byFunc {
			if fn.Name() == sel.Sel.Name && u.gen && fn.Type().(*types.Signature).Recv() != nil {
				p.unsupported(c, "a call of "+key+" where a "+fn.Name()+" method of the program blocks", "methods that only compare, swap, push and pop")
			}
		}
		return recv + "." + sel.Sel.Name + "(" + f.args(c) + ")", false // the value's own method
	case "sync.Pool.Get":
		if f.m.a.pools {
			return f.yieldExpr("yield from " + recv + ".get_yielding()")
		}
		return recv + ".get()", false
	case "sync.Pool.Put":
		return recv + ".put(" + arg(0) + ")", false
	case "sync.Mutex.Lock", "sync.RWMutex.Lock", "sync.Locker.Lock":
		return f.yieldExpr("yield " + recv + ".lock()")
	case "sync.RWMutex.RLock":
		return f.yieldExpr("yield " + recv + ".rlock()")
	case "sync.Mutex.Unlock", "sync.RWMutex.Unlock", "sync.Locker.Unlock":
		return recv + ".unlock()", false
	case "sync.RWMutex.RUnlock":
		return recv + ".runlock()", false
	case "sync.Mutex.TryLock", "sync.RWMutex.TryLock":
		return recv + ".try_lock()", false
	case "sync.RWMutex.TryRLock":
		return recv + ".try_rlock()", false
	case "sync.RWMutex.RLocker":
		if p.localLocker() {
			return "go.Locker(" + recv + ".rlocker())", false // beside the program's own: l.Lock()
		}
		return recv + ".rlocker()", false
	case "sync.WaitGroup.Add":
		return recv + ".add(" + arg(0) + ")", false
	case "sync.WaitGroup.Done":
		return recv + ".done()", false
	case "sync.WaitGroup.Wait":
		return f.yieldExpr("yield " + recv + ".wait()")
	case "sync.WaitGroup.Go":
		fv, goName := f.funcArg(c.Args[0])
		return fmt.Sprintf("%s.go(%s, name=%q)", recv, fv, goName), false
	case "sync.Cond.Wait":
		return f.yieldExpr("yield " + recv + ".wait()")
	case "sync.Cond.Signal":
		return recv + ".signal()", false
	case "sync.Cond.Broadcast":
		return recv + ".broadcast()", false
	case "sync.Once.Do":
		fv, _ := f.funcArg(c.Args[0])
		return f.yieldExpr("yield from " + recv + ".do(" + fv + ")")
	case "testing.common.Fatal", "testing.common.Fatalf", "testing.common.FailNow",
		"testing.common.Skip", "testing.common.Skipf", "testing.common.SkipNow":
		return f.yieldExpr("yield " + recv + "." + snake(fn.Name()) + "(" + f.fmtArgs(c, strings.HasSuffix(fn.Name(), "f")) + ")")
	case "testing.common.Log", "testing.common.Logf", "testing.common.Error", "testing.common.Errorf":
		return recv + "." + snake(fn.Name()) + "(" + f.fmtArgs(c, strings.HasSuffix(fn.Name(), "f")) + ")", false
	case "testing.common.Fail", "testing.common.Failed", "testing.common.Helper", "testing.common.Name",
		"testing.common.Skipped", "testing.common.Context":
		return recv + "." + snake(fn.Name()) + "()", false
	case "testing.M.Run":
		return f.yieldExpr("yield from " + recv + ".run()")
	case "golang.org/x/sync/errgroup.Group.Go":
		fv, _ := f.funcArg(c.Args[0])
		return f.yieldExpr("yield from " + recv + ".go(" + fv + ")")
	case "golang.org/x/sync/errgroup.Group.Wait":
		return f.yieldExpr("yield from " + recv + ".wait()")
	case "golang.org/x/sync/errgroup.Group.TryGo":
		fv, _ := f.funcArg(c.Args[0])
		return recv + ".try_go(" + fv + ")", false
	case "golang.org/x/sync/errgroup.Group.SetLimit":
		return recv + ".set_limit(" + arg(0) + ")", false
	case "golang.org/x/sync/semaphore.Weighted.Acquire":
		return f.yieldExpr("yield from " + recv + ".acquire(" + arg(0) + ", " + arg(1) + ")")
	case "golang.org/x/sync/semaphore.Weighted.TryAcquire":
		return recv + ".try_acquire(" + arg(0) + ")", false
	case "golang.org/x/sync/semaphore.Weighted.Release":
		return recv + ".release(" + arg(0) + ")", false
	case "testing.T.Parallel":
		return f.yieldExpr("yield from " + recv + ".parallel()")
	case "testing.T.Setenv":
		return f.yieldExpr("yield from " + recv + ".setenv(" + arg(0) + ", " + arg(1) + ")")
	case "testing.T.Deadline":
		return recv + ".deadline()", false
	case "testing.F.Add":
		return recv + ".add(" + f.args(c) + ")", false
	case "testing.F.Fuzz":
		fv, _ := f.funcArg(c.Args[0])
		return f.yieldExpr("yield from " + recv + ".fuzz(" + fv + ")")
	case "testing.T.Run":
		fv, _ := f.funcArg(c.Args[1])
		return f.yieldExpr("yield from " + recv + ".run(" + arg(0) + ", " + fv + ")")
	case "testing.common.Cleanup":
		fv, _ := f.funcArg(c.Args[0])
		return recv + ".cleanup(" + fv + ")", false
	case "sync.Map.Range":
		fv, _ := f.funcArg(c.Args[0])
		return f.yieldExpr("yield from " + recv + ".range(" + fv + ")")
	case "time.Timer.Stop", "time.Ticker.Stop":
		return recv + ".stop()", false
	case "time.Timer.Reset", "time.Ticker.Reset":
		return recv + ".reset(" + arg(0) + ")", false
	case "context.Context.Done":
		return recv + ".done()", false
	case "context.Context.Err":
		return recv + ".err()", false
	case "context.Context.Deadline":
		return "go.context_deadline(" + recv + ")", false // the zero Time where there is none
	case "context.Context.Value":
		return recv + ".value(" + arg(0) + ")", false
	case "log.Logger.Printf", "log.Logger.Print", "log.Logger.Println":
		if f.m.a.pipes { // the output may be a pipe's
			return f.yieldExpr("yield from " + recv + ".blocking_output(" + f.logLine(c, key) + ")")
		}
		return recv + ".output(" + f.logLine(c, key) + ")", false
	case "log.Logger.Panicf", "log.Logger.Panic", "log.Logger.Panicln":
		if f.m.a.pipes {
			return f.yieldExpr("yield from " + recv + ".blocking_panic(" + f.logLine(c, key) + ")")
		}
		return recv + ".panic(" + f.logLine(c, key) + ")", false
	case "log.Logger.Fatalf", "log.Logger.Fatal", "log.Logger.Fatalln":
		if f.m.a.pipes {
			return f.yieldExpr("yield from " + recv + ".blocking_fatal(" + f.logLine(c, key) + ")")
		}
		return f.yieldExpr("yield " + recv + ".fatal(" + f.logLine(c, key) + ")")
	case "log.Logger.SetFlags", "log.Logger.Flags", "log.Logger.SetPrefix", "log.Logger.Prefix",
		"log.Logger.SetOutput", "log.Logger.Writer":
		return recv + "." + snake(fn.Name()) + "(" + f.args(c) + ")", false
	case "io.LimitedReader.Read":
		if f.m.a.pipes {
			return f.yieldExpr("yield from go.call(" + recv + ".Read, " + arg(0) + ")")
		}
		return recv + ".read(" + arg(0) + ")", false
	case "io.ByteReader.ReadByte", "io.ByteScanner.UnreadByte", "io.RuneReader.ReadRune", "io.ByteWriter.WriteByte",
		"io.StringWriter.WriteString":
		// a reader or writer of the library's (whose class names the method as Go
		// does) or of the program's, in a program where no reader or writer blocks
		if f.m.a.pipes || f.m.blockingMethod(p.info.TypeOf(sel.X), fn.Name()) {
			p.unsupported(c, "the method "+key+" in a program whose readers or writers may block",
				"the reader's own type, or its Read method")
		}
		if key == "io.StringWriter.WriteString" {
			return "go.write_string(" + recv + ", " + arg(0) + ")", false // os.Stdout's too
		}
		return recv + "." + fn.Name() + "(" + f.args(c) + ")", false
	case "io.Reader.Read":
		if f.m.a.pipes || f.m.blockingMethod(p.info.TypeOf(sel.X), "Read") { // a pipe's, or one that locks
			return f.yieldExpr("yield from go.call(" + recv + ".Read, " + arg(0) + ")")
		}
		return recv + ".Read(" + arg(0) + ")", false
	case "io.PipeReader.Read", "io.PipeWriter.Write":
		return f.yieldExpr("yield from " + recv + "." + fn.Name() + "(" + arg(0) + ")")
	case "net.Conn.Read", "net.Conn.Write", "net.Conn.SetDeadline", "net.Conn.SetReadDeadline", "net.Conn.SetWriteDeadline":
		// a net.Pipe's end, or a net.Conn of the program's
		return f.yieldExpr("yield from go.call(" + recv + "." + fn.Name() + ", " + arg(0) + ")")
	case "net.Conn.Close":
		if f.m.blockingMethod(f.p.info.TypeOf(sel.X), "Close") {
			return f.yieldExpr("yield from go.call(" + recv + ".Close)")
		}
		return recv + ".Close()", false
	case "net.Conn.LocalAddr", "net.Conn.RemoteAddr", "net.Addr.String", "net.Addr.Network",
		"net.Error.Timeout", "net.Error.Temporary", "net.OpError.Timeout", "net.OpError.Temporary",
		"net.OpError.Unwrap", "net.OpError.Error", "net.AddrError.Error", "net.AddrError.Timeout",
		"net.AddrError.Temporary", "io/fs.PathError.Error", "io/fs.PathError.Unwrap",
		"io/fs.PathError.Timeout", "strconv.NumError.Error", "strconv.NumError.Unwrap",
		"time.ParseError.Error", "net/url.Error.Error", "encoding/json.SyntaxError.Error",
		"encoding/json.UnmarshalTypeError.Error",
		"encoding/json.UnmarshalTypeError.Unwrap", "encoding/base64.CorruptInputError.Error",
		"encoding/hex.InvalidByteError.Error":
		return recv + "." + fn.Name() + "()", false // the library's error types, called by their own type
	case "io.PipeReader.Close", "io.PipeWriter.Close", "io.PipeReader.CloseWithError", "io.PipeWriter.CloseWithError":
		return recv + "." + fn.Name() + "(" + f.args(c) + ")", false
	case "io.Closer.Close":
		if f.m.blockingMethod(f.p.info.TypeOf(sel.X), "Close") {
			return f.yieldExpr("yield from go.call(" + recv + ".Close)") // it may lock
		}
		return recv + ".Close()", false // the program's own Close
	case "io.Writer.Write":
		if f.m.blockingWrite(f.p.info.TypeOf(sel.X)) {
			return f.yieldExpr("yield from go.blocking_write(" + recv + ", " + arg(0) + ")")
		}
		return "go.write(" + recv + ", " + arg(0) + ")", false // a library writer, or the program's
	case "hash.Hash32.Sum32", "hash.Hash64.Sum64", "hash.Hash.Reset":
		if f.p.declaresMethod(fn.Name()) {
			return "go.hash_method(" + recv + ", " + pyString(fn.Name()) + ")()", false
		}
		return recv + "." + strings.ToLower(fn.Name()) + "()", false
	case "runtime/pprof.Profile.WriteTo":
		return recv + ".write_to(" + arg(0) + ", " + arg(1) + ")", false
	case "strings.Replacer.WriteString": // io.WriteString(w, r.Replace(s))
		if f.m.blockingWrite(p.info.TypeOf(c.Args[0])) {
			return f.yieldExpr("yield from go.blocking_write(" + f.value(c.Args[0]) + ", " + recv + ".replace(" + f.value(c.Args[1]) + "))")
		}
		return "go.fprint(" + f.value(c.Args[0]) + ", " + recv + ".replace(" + f.value(c.Args[1]) + "))", false
	case "strings.Reader.Len", "strings.Reader.Size", "strings.Reader.Read", "strings.Reader.ReadByte",
		"strings.Reader.ReadRune", "strings.Reader.Reset", "strings.Reader.Seek", "strings.Replacer.Replace",
		"strings.Reader.UnreadRune", "strings.Reader.UnreadByte", "bytes.Reader.UnreadRune", "bytes.Reader.UnreadByte",
		"bytes.Reader.Len", "bytes.Reader.Size", "bytes.Reader.Read", "bytes.Reader.ReadByte",
		"bytes.Reader.ReadRune", "bytes.Reader.Reset", "bytes.Reader.Seek",
		"bufio.Reader.Read", "bufio.Reader.ReadByte", "bufio.Reader.ReadRune", "bufio.Reader.ReadBytes",
		"bufio.Reader.ReadString", "bufio.Reader.ReadLine", "bufio.Reader.Buffered", "bufio.Reader.Size",
		"bufio.Reader.UnreadByte", "bufio.Reader.UnreadRune", "bufio.Reader.Peek", "bufio.Reader.Discard",
		"bufio.Scanner.Scan", "bufio.Scanner.Text", "bufio.Scanner.Bytes", "bufio.Scanner.Err",
		"text/tabwriter.Writer.Init", "text/tabwriter.Writer.Write", "text/tabwriter.Writer.Flush",
		"bufio.Writer.Write", "bufio.Writer.WriteString", "bufio.Writer.WriteByte", "bufio.Writer.WriteRune",
		"bufio.Writer.Flush", "bufio.Writer.Buffered", "bufio.Writer.Available", "bufio.Writer.Size",
		"bufio.Reader.Reset", "bufio.Writer.Reset":
		if f.m.a.pipeRead(key, p.info.TypeOf(sel.X)) { // its reader may be a pipe's
			return f.yieldExpr("yield from " + recv + ".blocking_" + snake(fn.Name()) + "(" + f.args(c) + ")")
		}
		return recv + "." + snake(fn.Name()) + "(" + f.args(c) + ")", false
	case "bufio.Scanner.Split":
		kind := ""
		if x, ok := ast.Unparen(c.Args[0]).(*ast.SelectorExpr); ok {
			if fn, ok := p.info.Uses[x.Sel].(*types.Func); ok && fn.Pkg() != nil && fn.Pkg().Path() == "bufio" {
				kind = map[string]string{"ScanLines": "lines", "ScanWords": "words", "ScanRunes": "runes", "ScanBytes": "bytes"}[fn.Name()]
			}
		}
		if kind == "" { // a SplitFunc of the program's
			return recv + ".split(" + f.calledAtOnce(c, c.Args[0], "a Scanner's split function that blocks", "a function that only reads its bytes") + ")", false
		}
		return recv + ".split(" + pyString(kind) + ")", false
	case "bufio.Scanner.Buffer":
		if size, ok := f.constCap(c.Args[0]); ok {
			return recv + ".buffer(" + strconv.Itoa(size) + ", " + arg(1) + ")", false
		}
		mk, ok := ast.Unparen(c.Args[0]).(*ast.CallExpr)
		if !ok || calleeName(p, mk) != "make" || len(mk.Args) < 2 {
			p.unsupported(c, "Scanner.Buffer of this buffer", "nil or make([]byte, n) or make([]byte, 0, n)")
		}
		return recv + ".buffer(" + f.expr(mk.Args[len(mk.Args)-1]) + ", " + arg(1) + ")", false // make's capacity
	case "math/big.Int.Set", "math/big.Int.SetInt64", "math/big.Int.SetUint64", "math/big.Int.SetBit",
		"math/big.Int.SetString", "math/big.Int.Add", "math/big.Int.Sub", "math/big.Int.Mul", "math/big.Int.Neg",
		"math/big.Int.Abs", "math/big.Int.Quo", "math/big.Int.Rem", "math/big.Int.QuoRem", "math/big.Int.Div",
		"math/big.Int.Mod", "math/big.Int.DivMod", "math/big.Int.Exp", "math/big.Int.ModInverse",
		"math/big.Int.GCD", "math/big.Int.Sqrt", "math/big.Int.Binomial", "math/big.Int.MulRange",
		"math/big.Int.Lsh", "math/big.Int.Rsh", "math/big.Int.And", "math/big.Int.Or", "math/big.Int.Xor",
		"math/big.Int.Not", "math/big.Int.AndNot", "math/big.Int.Cmp", "math/big.Int.CmpAbs",
		"math/big.Int.Sign", "math/big.Int.BitLen", "math/big.Int.Bit", "math/big.Int.TrailingZeroBits",
		"math/big.Int.Int64", "math/big.Int.Uint64", "math/big.Int.IsInt64", "math/big.Int.IsUint64",
		"math/big.Int.ProbablyPrime", "math/big.Int.Bytes", "math/big.Int.SetBytes":
		return recv + "." + fn.Name() + "(" + f.args(c) + ")", false
	case "math/big.Int.FillBytes":
		if _, sub := ast.Unparen(c.Args[0]).(*ast.SliceExpr); sub && f.stmtCall != c {
			// the sub-slice goes through a copy (throughMethods), which the result would be
			p.unsupported(c, "the result of FillBytes of a sub-slice (in Go the operand's array)", "call it as a statement and use the slice it filled")
		}
		return recv + ".FillBytes(" + f.args(c) + ")", false
	case "math/big.Int.Append":
		return "go.BigInt.Append(" + recv + ", " + f.args(c) + ")", false // "<nil>" for a nil *big.Int
	case "math/big.Int.Text":
		return "go.BigInt.Text(" + recv + ", " + f.args(c) + ")", false // "<nil>" for a nil *big.Int, as Go's
	case "math/big.Rat.Set", "math/big.Rat.SetFrac", "math/big.Rat.SetFrac64", "math/big.Rat.SetInt",
		"math/big.Rat.SetInt64", "math/big.Rat.SetUint64", "math/big.Rat.SetFloat64", "math/big.Rat.SetString",
		"math/big.Rat.Abs", "math/big.Rat.Neg", "math/big.Rat.Inv", "math/big.Rat.Add", "math/big.Rat.Sub",
		"math/big.Rat.Mul", "math/big.Rat.Quo", "math/big.Rat.Cmp", "math/big.Rat.Sign", "math/big.Rat.IsInt",
		"math/big.Rat.Num", "math/big.Rat.Denom", "math/big.Rat.Float64", "math/big.Rat.String",
		"math/big.Rat.RatString", "math/big.Rat.FloatString", "math/big.Rat.FloatPrec":
		return recv + "." + fn.Name() + "(" + f.args(c) + ")", false
	case "math/big.Int.String":
		return "go.BigInt.String(" + recv + ")", false // "<nil>" for a nil *big.Int, as Go's
	case "container/ring.Ring.Len":
		return "go.Ring.len(" + recv + ")", false // 0 for a nil ring, as Go's
	case "container/ring.Ring.Do":
		fv := f.calledAtOnce(c, c.Args[0], "a ring.Do whose function blocks", "a range over the ring by Next")
		return "go.Ring.do(" + recv + ", " + fv + ")", false
	case "time.Duration.Seconds", "time.Duration.Minutes", "time.Duration.Hours":
		// the whole units and the rest made floats apart, as Go's arithmetic does
		unit := map[string]string{"Seconds": "1_000_000_000", "Minutes": "60_000_000_000", "Hours": "3_600_000_000_000"}[fn.Name()]
		return "go.duration_in(" + recv + ", " + unit + ")", false
	case "time.Duration.Milliseconds":
		return "go.quo(" + recv + ", 1_000_000)", false // toward zero, as Go's int64 division
	case "time.Duration.Microseconds":
		return "go.quo(" + recv + ", 1_000)", false
	case "time.Duration.Nanoseconds":
		return "int(" + recv + ")", false // a Duration is its nanoseconds
	case "time.Duration.Abs":
		return "go.duration_abs(" + recv + ")", false
	case "time.Duration.Round", "time.Duration.Truncate":
		return "go.duration_" + strings.ToLower(fn.Name()) + "(" + recv + ", " + arg(0) + ")", false
	case "time.Duration.String":
		return "sl.format_duration(" + recv + ")", false
	case "time.Time.Sub":
		return "go.time_sub(" + recv + ", " + arg(0) + ")", false
	case "time.Time.Add":
		return paren(recv) + " + " + paren(arg(0)), false
	case "time.Time.AddDate":
		return "go.time_add_date(" + recv + ", " + f.args(c) + ", rt)", false
	case "time.Time.Before":
		return paren(recv) + " < " + paren(arg(0)), false
	case "time.Time.After":
		return paren(recv) + " > " + paren(arg(0)), false
	case "time.Time.Equal":
		return paren(recv) + " == " + paren(arg(0)), false
	case "time.Time.Compare":
		return "go.compare(" + recv + ", " + arg(0) + ")", false
	case "time.Time.IsZero":
		return paren(recv) + " == go.ZERO_TIME", false
	case "time.Time.UTC", "time.Time.Local":
		return recv, false // every time of a run is in UTC
	case "time.Time.Location":
		if f.p.locationCompared(c) {
			f.p.unsupported(c, "t.Location() compared (a run's times carry no zone: time.UTC and time.Local are one there)",
				"compare the times, or print the location")
		}
		return "go.UTC", false // the run's only location
	case "time.Location.String":
		return recv + ".String()", false // UTC, as time.Local's is where TZ=UTC
	case "time.Time.Zone":
		return "(\"UTC\", 0)", false // the run's only zone: its name and offset
	case "time.Time.In":
		f.utcOnly(c.Args[0])
		return recv, false
	case "time.Time.Date", "time.Time.Clock":
		return "go.time_field(" + recv + ", " + pyString(fn.Name()) + ", rt)", false
	case "time.Time.String":
		return "go.time_text(" + recv + ", rt)", false
	case "time.Time.Format":
		return "go.time_format(" + recv + ", " + arg(0) + ", rt)", false
	case "time.Time.AppendFormat":
		return "go.fmt_append(" + arg(0) + ", go.time_format(" + recv + ", " + arg(1) + ", rt))", false
	case "time.Time.UnmarshalText", "time.Time.UnmarshalJSON":
		// t.UnmarshalText(b) of a time variable or field: a time is a number here, so
		// the call gives the new time and the error, and the variable takes the time
		if isPointer(p.info.TypeOf(sel.X)) {
			p.unsupported(c, "a "+fn.Name()+" through a pointer to a time.Time", "a time.Time variable: t.UnmarshalText(b)")
		}
		t, err := f.temp("t"), f.temp("err")
		call := "go.time_unmarshal_text(" + arg(0) + ", rt)"
		if fn.Name() == "UnmarshalJSON" {
			call = "go.time_unmarshal_json(" + arg(0) + ", " + recv + ", rt)" // null leaves the time as it is
		}
		f.pre = append(f.pre, fmt.Sprintf("%s, %s = %s", t, err, call))
		f.pre = append(f.pre, fmt.Sprintf("%s = %s", f.lvalue(sel.X), t))
		return err, false
	case "time.Time.MarshalText":
		return "go.time_marshal_text(" + recv + ", rt)", false
	case "time.Time.MarshalJSON":
		return "go.time_marshal_json(" + recv + ", rt)", false
	case "time.Time.GoString":
		return "go.Time(" + recv + ", rt).GoString()", false
	case "time.Time.Truncate", "time.Time.Round":
		return "go.time_" + strings.ToLower(fn.Name()) + "(" + recv + ", " + arg(0) + ", rt)", false
	case "time.Time.Year", "time.Time.Month", "time.Time.Day", "time.Time.Hour", "time.Time.Minute",
		"time.Time.Second", "time.Time.Nanosecond", "time.Time.Weekday", "time.Time.YearDay", "time.Time.ISOWeek",
		"time.Time.Unix", "time.Time.UnixMilli", "time.Time.UnixMicro", "time.Time.UnixNano":
		return "go.time_field(" + recv + ", " + pyString(fn.Name()) + ", rt)", false
	case "time.Month.String", "time.Weekday.String":
		return "go." + strings.TrimSuffix(strings.TrimPrefix(key, "time."), ".String") + "(" + recv + ").String()", false
	case "syscall.Signal.String", "os.Signal.String":
		return "go.Signal(" + recv + ").String()", false
	case "io/fs.FileMode.String", "io/fs.FileMode.IsDir", "io/fs.FileMode.IsRegular", "io/fs.FileMode.Perm",
		"io/fs.FileMode.Type":
		return "go.FileMode(" + recv + ")." + fn.Name() + "()", false
	}
	if strings.HasPrefix(key, "encoding/json.") {
		if out, yields, ok := f.jsonMethod(c, key, recv); ok {
			return out, yields
		}
	}
	if strings.HasPrefix(key, "log/slog.") {
		if out, ok := f.slogMethod(c, key, recv); ok {
			return out, strings.HasPrefix(out, "(yield from ")
		}
	}
	if strings.HasPrefix(key, "regexp.Regexp.") {
		if out, ok := f.regexpMethod(c, key, recv); ok {
			return out, false
		}
	}
	if strings.HasPrefix(key, "flag.") {
		if out, yields, ok := f.flagMethod(c, key, recv); ok {
			return out, yields
		}
	}
	p.unsupported(c, "the method "+strings.TrimPrefix(key, ""), "the standard library subset simlab models")
	return "", false
}

// logLine renders the line a call of log's Printf, Print or Println (Fatal...,
// Panic..., a Logger's) writes: fmt's Sprintf, Sprint or Sprintln of its operands.
func (f *fn) logLine(c *ast.CallExpr, name string) string {
	switch {
	case strings.HasSuffix(name, "f"):
		return "go.sprintf(" + f.fmtArgs(c, true) + ")"
	case strings.HasSuffix(name, "ln"):
		return "go.sprintln(" + f.fmtArgs(c, false) + ")"
	}
	return "go.sprint(" + f.fmtArgs(c, false) + ")"
}

// libraryHelper: golib's function for the library's pkg.Func, go.pkg_func
// (go.slices_binary_search for slices.BinarySearch).
func libraryHelper(name string) string {
	pkg, fn, _ := strings.Cut(name, ".")
	return "go." + pkg + "_" + snake(fn)
}

// snake: WithCancelCause -> with_cancel_cause, the simlab spelling of a Go name.
func snake(name string) string {
	var b strings.Builder
	for i, r := range name {
		if r >= 'A' && r <= 'Z' {
			if i > 0 {
				b.WriteByte('_')
			}
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// goSyntax matches %#v in a fmt format (see gosyntax.go).
var goSyntax = regexp.MustCompile(`(^|[^%])(%%)*%[-+ 0]*#[-+# 0]*(?:\[\d+\])?(?:\d+|\*)?(?:\.\d+)?(?:\[\d+\])?v`)

// fmtVerb matches a verb of a fmt format, as golib's sprintf reads them: its
// width, its precision (either may be *, an operand of its own), its verb; and
// an explicit operand index, [n], where one stands.
var fmtVerb = regexp.MustCompile(`%[-+# 0]*(\[\d+\])?(\d+|\*)?(?:\.(\[\d+\])?(\d+|\*)?)?(\[\d+\])?([a-zA-Z%])`)

// sameKind: both strings, or both numbers (a conversion Python's constructors do alike).
func sameKind(a, b *types.Basic) bool {
	str := types.IsString
	num := types.IsNumeric
	return a.Info()&str != 0 && b.Info()&str != 0 || a.Info()&num != 0 && b.Info()&num != 0
}

// isNamed: t is the named type path.name (or a pointer to it).
func isNamed(t types.Type, path, name string) bool {
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == path && n.Obj().Name() == name
}

// libraryErrorClass: golib's class of a library error type whose underlying
// type is basic (url.EscapeError, base64.CorruptInputError), or "".
func libraryErrorClass(t types.Type) string {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	switch n.Obj().Pkg().Path() + "." + n.Obj().Name() {
	case "encoding/base64.CorruptInputError":
		return "go.base64.CorruptInputError"
	case "encoding/hex.InvalidByteError":
		return "go.InvalidByteError"
	case "net/url.EscapeError":
		return "go.url.EscapeError"
	case "net/url.InvalidHostError":
		return "go.url.InvalidHostError"
	}
	return ""
}

// sortSlice: "IntSlice" for sort.IntSlice, and so for sort.StringSlice and
// sort.Float64Slice (golib's classes of them held in an interface), or "".
func sortSlice(t types.Type) string {
	if n, ok := t.(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "sort" {
		switch n.Obj().Name() {
		case "IntSlice", "StringSlice", "Float64Slice":
			return n.Obj().Name()
		}
	}
	return ""
}

// isTime: a time.Time, which the translation keeps as an int instant (ns).
func isTime(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "time" && n.Obj().Name() == "Time"
}

// basicClass is the Python class of a named string or number type of the
// program (type key string), or "".
func (m *module) basicClass(t types.Type) string {
	n, ok := t.(*types.Named)
	if !ok || !m.basics[n.Obj()] {
		return ""
	}
	return m.globals[n.Obj()]
}

// namedConst: e names a typed constant (its declaration already has the right type).
func (f *fn) namedConst(e ast.Expr) bool {
	var c *types.Const
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		c, _ = f.p.info.Uses[x].(*types.Const)
	case *ast.SelectorExpr:
		c, _ = f.p.info.Uses[x.Sel].(*types.Const)
	}
	if c == nil {
		return false
	}
	b, untyped := c.Type().(*types.Basic)
	return !untyped || b.Info()&types.IsUntyped == 0 // Friday = iota * 10 in a []Weekday: a Weekday there
}

// assertedType renders the T of x.(T) for go.assert_type: a class of the
// program, or the Go name of a type golib knows.
func (f *fn) assertedType(x *ast.TypeAssertExpr) string {
	p := f.p
	return f.assertedTypeOf(x, p.info.TypeOf(x.Type))
}

// assertedTypeOf renders the type t asserted at n (see assertedType).
func (f *fn) assertedTypeOf(x ast.Node, t types.Type) string {
	p := f.p
	t = types.Unalias(t) // type Doc = map[string]any: the map type itself
	name := types.TypeString(t, types.RelativeTo(p.pkg))
	if b, ok := t.(*types.Basic); ok {
		name = types.Typ[b.Kind()].Name() // byte is uint8, rune int32
	}
	elem := t
	if ptr, ok := t.(*types.Pointer); ok {
		elem = ptr.Elem()
	}
	if tp, ok := t.(*types.TypeParam); ok {
		return tp.Obj().Name() // its type argument, which knows its Go name
	}
	if n, ok := elem.(*types.Named); ok && n.TypeArgs().Len() > 0 {
		if f.m.types[n.Origin().Obj()] {
			// one class for every instance of a generic struct type, whose objects keep
			// their type arguments: go.Instance compares them
			args := []string{f.m.globals[n.Origin().Obj()]}
			for i := 0; i < n.TypeArgs().Len(); i++ {
				args = append(args, f.m.typeArg(n.TypeArgs().At(i), x))
			}
			return "go.Instance(" + strings.Join(args, ", ") + ")"
		}
		// a generic interface, slice or map type: isinstance cannot tell Sink[int]'s
		// method set from Sink[string]'s, nor a Set[int] from a Set[string]
		p.unsupported(x, "a type assertion to an instance of a generic type ("+name+")", "an interface the instances implement")
	}
	if ptr, ok := t.(*types.Pointer); ok {
		if n, ok := ptr.Elem().(*types.Named); ok && f.m.types[n.Obj()] {
			return f.m.globals[n.Obj()]
		}
	}
	if n, ok := t.(*types.Named); ok && p.isNamedValue(n) {
		return f.m.globals[n.Obj()] // type Names []string: its go.NamedValue, whose v the assertion gives
	}
	if ptr, ok := t.(*types.Pointer); ok && (p.isNamedValue(ptr.Elem()) || p.namedBasic(ptr.Elem()) && f.m.basics[ptr.Elem().(*types.Named).Obj()]) {
		// its NamedValue.pointer (or a go.BasicPointer, &ml of a MaxLines int), which
		// keeps the type, and whose ref the assertion gives
		return "go.PointerTo(" + pyString(reflectType(t)) + ", of=" + f.m.globals[ptr.Elem().(*types.Named).Obj()] + ")"
	}
	if n := pointedStruct(t); n != nil && f.m.types[n.Obj()] {
		// **HTTPError, which an As method asks of errors.As's target: a go.Ref to a
		// *T variable, and errors.As gives the method one that says its type
		return "go.PointerTo(" + pyString(reflectType(t)) + ", target=" + f.m.globals[n.Obj()] + ")"
	}
	if pointedInterface(p, t) {
		// *Labeler, which an As method asks of errors.As's target: the go.TypedRef
		// errors.As gives it says the type
		return "go.PointerTo(" + pyString(reflectType(t)) + ", typed=True)"
	}
	if ptr, ok := t.(*types.Pointer); ok {
		switch under(ptr.Elem()).(type) {
		case *types.Slice, *types.Array:
			return "go.PointerTo(" + pyString("*"+reflectType(ptr.Elem())) + ")" // bufPool.Get().(*[]byte)
		case *types.Map:
			return "go.PointerTo(" + pyString("*"+reflectType(ptr.Elem())) + ", map=True)"
		}
	}
	if cls := f.m.wrappedType(t); cls != "" {
		return cls
	}
	if n, ok := t.(*types.Named); ok && (f.m.basics[n.Obj()] || f.m.types[n.Obj()]) {
		// a struct value: the class too (a value and a pointer to it are one object at
		// run time, so an interface holding *T passes for T), the result a copy
		return f.m.globals[n.Obj()]
	}
	if it, ok := under(t).(*types.Interface); ok && !it.Empty() && name != "error" && name != "runtime.Error" {
		// Shape, fmt.Stringer, interface{ Timeout() bool }: a value whose type has the
		// interface's methods
		methods, signatures := f.m.interfaceMethods(it)
		goName := reflectType(t) // as Go's panic names it: interface { Timeout() bool }
		if len(signatures) > 0 {
			methods = append(methods, "signatures={"+signatures[2:]+"}")
		}
		return "go.Methods(" + pyString(goName) + ", " + strings.Join(methods, ", ") + ")"
	}
	if n, named := t.(*types.Named); !named || p.ours(n.Obj().Pkg()) {
		// []string, map[string]int: a list or dict whose elements hold their types;
		// type List []any (no methods, so a plain list at run time) the same way
		elemOf := func(e types.Type) string {
			if tp, ok := e.(*types.TypeParam); ok {
				return tp.Obj().Name() // []T: elements of T's type argument
			}
			if it, ok := under(e).(*types.Interface); ok && it.Empty() {
				return "None" // any element
			}
			if isEmptyStruct(e) {
				return pyString("struct {}") // type Set map[string]struct{}: None or go.EMPTY
			}
			return f.assertedTypeOf(x, e)
		}
		kind := ""
		if named {
			kind = ", kind=" + pyString(reflectType(t.Underlying()))
		}
		switch u := t.Underlying().(type) {
		case *types.Slice:
			return "go.Of(" + typeSpelling(t) + ", " + elemOf(u.Elem()) + kind + ")"
		case *types.Array:
			return "go.Of(" + typeSpelling(t) + ", " + elemOf(u.Elem()) + kind + ")" // a go.typed array
		case *types.Map:
			return "go.Of(" + typeSpelling(t) + ", " + elemOf(u.Elem()) + ", " + elemOf(u.Key()) + kind + ")"
		}
	}
	if cls := libraryErrorClass(t); cls != "" {
		return cls // url.EscapeError, base64.CorruptInputError...
	}
	if cls := libraryPointerClasses[name]; cls != "" {
		return cls
	}
	switch name {
	case "int", "string", "bool", "float64", "complex128", "error", "runtime.Error", "*runtime.PanicNilError",
		"int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "float32",
		"*sync.Mutex", "*sync.RWMutex", "*sync.WaitGroup", "*sync/atomic.Int32", "*sync/atomic.Int64",
		"*sync/atomic.Uint32", "*sync/atomic.Uint64", "*sync/atomic.Bool", "time.Duration",
		"time.Time", "time.Month", "time.Weekday":
		return pyString(name)
	case "*int", "*string", "*bool", "*float64", "*float32", "*int8", "*int16", "*int32", "*int64",
		"*uint", "*uint8", "*uint16", "*uint32", "*uint64":
		return pyString(name) // a go.Ref, whatever its target's type
	case "io/fs.FileMode":
		return "go.FileMode"
	case "*strconv.NumError":
		return "go.NumError"
	case "*math/big.Int":
		return "go.BigInt"
	case "*math/big.Rat":
		return "go.BigRat"
	case "*io/fs.PathError", "*fs.PathError", "*os.PathError":
		return "go.PathError"
	case "*net.OpError":
		return "go.OpError"
	case "*net.AddrError":
		return "go.AddrError"
	case "*time.ParseError":
		return "go.ParseError"
	case "*encoding/csv.ParseError":
		return "go.csv.ParseError"
	case "*net/url.Error":
		return "go.url.Error"
	case "*net/url.URL":
		return "go.url.URL"
	case "*log/slog.LevelVar":
		return "go.slog.LevelVar"
	case "log/slog.Level":
		return "go.slog.Level" // an interface holds one as that class (timeClass)
	}
	if cls, ok := jsonClasses[name]; ok {
		return cls
	}
	if _, isFunc := under(t).(*types.Signature); isFunc {
		return "go.FuncType(" + pyString(reflectType(t)) + ")" // a go.TypedFunc of that type
	}
	p.unsupported(x, "a type assertion to "+name, "an assertion to a basic type or a pointer to one, time.Duration, time.Time, time.Month, time.Weekday, slog.Level, fs.FileMode, error, runtime.Error, *bytes.Buffer, *strings.Builder, *strings.Reader, *bytes.Reader, *bufio.Reader, *bufio.Writer, *bufio.Scanner, *list.List, *list.Element, *strconv.NumError, *big.Int, *big.Rat, *log.Logger, *slog.Logger, *time.ParseError, *fs.PathError, *net.OpError, *net.AddrError, *url.Error, *url.URL, base64.CorruptInputError, hex.InvalidByteError, a pointer to a sync or sync/atomic primitive, a slice, array, map or func type or a type of the program")
	return ""
}

// checkedSum: sum, a + b or a - b of int or int64 values, is compared with other,
// one of its operands or 0: an overflow check in one expression (bal+amt < bal),
// whose sum wraps as Go's does.
func checkedSum(p *program, sum, other ast.Expr) bool {
	s, ok := ast.Unparen(sum).(*ast.BinaryExpr)
	if !ok || s.Op != token.ADD && s.Op != token.SUB || !isPlainInt64(p.info.TypeOf(s)) || p.info.Types[s].Value != nil {
		return false
	}
	return sameVar(p, s.X, other) || sameVar(p, s.Y, other) || isZero(p, other)
}

// libraryPointerClasses: golib's classes of the library's pointer types that an
// interface may hold, by their types' names, which a type assertion or a type
// switch's case asks for, and whose nil pointer an interface holds as (*T)(nil)
// (go.as_iface) as the program's own struct types' (typedNilLibraryClass).
var libraryPointerClasses = map[string]string{
	"*bytes.Buffer":           "go.Buffer",
	"*bytes.Reader":           "go.BytesReader",
	"*strings.Builder":        "go.Builder",
	"*strings.Reader":         "go.StringsReader",
	"*bufio.Writer":           "go.BufWriter",
	"*bufio.Reader":           "go.BufReader",
	"*bufio.Scanner":          "go.Scanner",
	"*container/list.List":    "go.List",
	"*container/list.Element": "go.Element",
	"*log.Logger":             "go.Logger",
	"*log/slog.Logger":        "go.slog.Logger", // a request's logger kept in its context
}

// typedNilLibraryClass: golib's class of t, a pointer type of the library's
// (*bytes.Buffer, *log.Logger: libraryPointerClasses), or "".
func typedNilLibraryClass(t types.Type) string {
	ptr, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return ""
	}
	n, ok := types.Unalias(ptr.Elem()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	return libraryPointerClasses["*"+n.Obj().Pkg().Path()+"."+n.Obj().Name()]
}

// binaryArg: the layout of the value x that encoding/binary reads into or writes
// (see binaryLayout), or, for a type that is not of a fixed size, None and the
// type's name, which Go's error names.
func (f *fn) binaryArg(at ast.Node, x ast.Expr) string {
	t := f.p.info.TypeOf(x)
	if types.IsInterface(t) {
		// Go lays out the value the interface holds, by its dynamic type, which a
		// run's numbers (an int for a uint16) and structs do not keep
		f.p.unsupported(at, "encoding/binary of a value held in an interface (simlab lays a value out by its static type)",
			"call it where the value's type is known, as in a type switch's case")
		return ""
	}
	if layout := f.binaryLayout(at, t, true); layout != "" {
		return layout
	}
	return "None, " + pyString(reflectType(t))
}

// fastReadSize: the bytes binary.Read reads into a value (no pointer) of type t
// before it says the type is invalid: its fast path's size for an unnamed
// fixed-size number or bool, else 0.
func fastReadSize(t types.Type) int {
	b, ok := types.Unalias(t).(*types.Basic)
	if !ok {
		return 0
	}
	switch b.Kind() {
	case types.Bool, types.Int8, types.Uint8:
		return 1
	case types.Int16, types.Uint16:
		return 2
	case types.Int32, types.Uint32, types.Float32:
		return 4
	case types.Int64, types.Uint64, types.Float64:
		return 8
	}
	return 0
}

// binaryLayout: how encoding/binary lays out a value of type t, for golib's
// binary_read, binary_write and binary_size: a fixed-size number's or bool's
// name, (n, layout) for an array, a dict of a struct's fields, [layout] for a
// slice (at the top only, as a pointer is); "" for a type of no fixed size.
func (f *fn) binaryLayout(at ast.Node, t types.Type, top bool) string {
	refuse := func() string {
		f.p.unsupported(at, "encoding/binary of a value of type "+types.TypeString(t, types.RelativeTo(f.p.pkg)),
			"a fixed-size number, a bool, an array or a struct of them (no embedded field), a pointer to one, or a slice of them")
		return ""
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.NumMethods() > 0 {
		if _, basic := n.Underlying().(*types.Basic); basic {
			// its values are objects of a class of the translation's: (Tag, "uint8")
			if cls := f.m.basicClass(t); cls != "" {
				if layout := f.binaryLayout(at, n.Underlying(), false); layout != "" {
					return "(" + cls + ", " + layout + ")"
				}
			}
			return refuse()
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch u.Kind() {
		case types.Bool, types.Int8, types.Int16, types.Int32, types.Int64, types.Uint8, types.Uint16,
			types.Uint32, types.Uint64, types.Float32, types.Float64:
			return pyString(types.Typ[u.Kind()].Name())
		}
	case *types.Array:
		if elem := f.binaryLayout(at, u.Elem(), false); elem != "" {
			return fmt.Sprintf("(%d, %s)", u.Len(), elem)
		}
		return ""
	case *types.Struct:
		parts := make([]string, u.NumFields())
		for i := range parts {
			fld := u.Field(i)
			if fld.Embedded() {
				return refuse()
			}
			part := f.binaryLayout(at, fld.Type(), false)
			if part == "" {
				return ""
			}
			key := pyString(fieldName(fld.Name()))
			if fld.Name() == "_" {
				key = pyString(fmt.Sprintf("_ %d", i)) // a blank field: zeros written, its bytes skipped in a read
			}
			parts[i] = key + ": " + part
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case *types.Slice:
		if elem := f.binaryLayout(at, u.Elem(), false); top && elem != "" {
			return "[" + elem + "]"
		}
		return ""
	case *types.Pointer:
		if top {
			if _, isSlice := u.Elem().Underlying().(*types.Slice); !isSlice {
				return f.binaryLayout(at, u.Elem(), false)
			}
		}
	}
	return ""
}

// libraryStructs: the library's struct types a composite literal may make, by
// golib's class.
var libraryStructs = map[string]string{
	"io/fs.PathError": "go.PathError", "net.OpError": "go.OpError", "io.LimitedReader": "go.LimitedReader",
	"net/url.URL": "go.url.URL", "net/url.Error": "go.url.Error", "strconv.NumError": "go.NumError",
}

// float32Op renders l op r (+, -, * or /) of float32 operands, rounded to float32
// as Go's operation is; a division by zero gives Go's infinity or NaN.
func float32Op(l, op, r string) string {
	if op == "/" {
		return "go.float32(go.quo_float(" + l + ", " + r + "))"
	}
	return "go.float32(" + l + " " + op + " " + r + ")"
}

// intWrap: the golib function that wraps an integer result to t's size, as Go's
// arithmetic does (go.uint32), or "" for int and int64 (time.Duration too), which
// the translation lets grow: a program that overflows 64 bits is rare, and a
// wrap around every sum of durations would hide what the model says. Of a type
// parameter whose type set holds a sized integer type, it is the type argument's
// (go.wrapping(T): go.int8 for int8, nothing for int).
// truncFloat renders the conversion of the float x to the integer type b: toward
// zero, and past b's range as Go on amd64 converts (go.trunc).
func truncFloat(b *types.Basic, x string) string {
	if kind := types.Typ[b.Kind()].Name(); kind != "int" {
		return "go.trunc(" + x + ", \"" + kind + "\")"
	}
	return "go.trunc(" + x + ")"
}

func intWrap(t types.Type) string {
	if tp, ok := t.(*types.TypeParam); ok {
		if sizedTypeSet(tp) {
			return "go.wrapping(" + tp.Obj().Name() + ")"
		}
		return ""
	}
	b, ok := under(t).(*types.Basic)
	if !ok {
		return ""
	}
	switch b.Kind() {
	case types.Int8, types.Int16, types.Int32, types.Uint8, types.Uint16, types.Uint32, types.Uint64:
		return "go." + types.Typ[b.Kind()].Name()
	case types.Uint, types.Uintptr:
		return "go.uint64"
	}
	return ""
}

// typeParamQuo renders l / r and l % r of a type parameter's type t as its
// type set divides: an integer type's quotient truncates toward zero and a zero
// divisor panics (wrapped where a sized type's -128 / -1 overflows), a float
// type's zero divisor gives an infinity; where the set holds both, the type
// argument decides when the generic runs (go.quo_of). false where t is no type
// parameter whose set lists only numbers.
func (m *module) typeParamQuo(t types.Type, op token.Token, l, r string) (string, bool) {
	tp, ok := t.(*types.TypeParam)
	if !ok || op != token.QUO && op != token.REM || !numericTypeSet(tp) {
		return "", false
	}
	terms, _ := typeSetTerms(tp)
	ints, floats := false, false
	for _, term := range terms {
		ints = ints || isInt(term)
		floats = floats || isFloat(term)
	}
	q := fmt.Sprintf("go.quo_float(%s, %s)", l, r)
	switch {
	case op == token.REM: // Go has % of integers only
		q = fmt.Sprintf("go.rem(%s, %s)", l, r)
	case ints && floats:
		return fmt.Sprintf("go.quo_of(%s, %s, %s)", tp.Obj().Name(), l, r), true // it wraps
	case ints:
		q = fmt.Sprintf("go.quo(%s, %s)", l, r)
	}
	if wrap := m.paramWrap(t); wrap != "" {
		return wrap + "(" + q + ")", true // -128 / -1 of an int8, a Cents's quotient a Cents
	}
	return q, true
}

// paramWrap: what the arithmetic of a generic on its type parameter's type t
// wraps with: intWrap's for a set holding a sized type, and in a program that
// instantiates a generic with a named number or string type of its own (a Cents
// with a String method), go.wrapping(T) for any set of numbers and strings,
// which gives the sum of two Cents back its class, as Go's sum is a Cents (so
// do -x, ^x, x >> 1, x & 3 and k + "!").
func (m *module) paramWrap(t types.Type) string {
	tp, ok := t.(*types.TypeParam)
	if !ok {
		return intWrap(t)
	}
	if w := intWrap(t); w != "" || !numberOrStringSet(tp) {
		return w
	}
	if m.namedBasicArgs == nil {
		named := false
		for _, inst := range m.p.info.Instances {
			for i := 0; i < inst.TypeArgs.Len(); i++ {
				n, ok := inst.TypeArgs.At(i).(*types.Named)
				if b, isBasic := under(inst.TypeArgs.At(i)).(*types.Basic); ok && isBasic && b.Info()&(types.IsNumeric|types.IsString) != 0 &&
					m.p.ours(n.Obj().Pkg()) && m.basics[n.Obj()] {
					named = true
				}
			}
		}
		m.namedBasicArgs = &named
	}
	if *m.namedBasicArgs {
		return "go.wrapping(" + tp.Obj().Name() + ")"
	}
	return ""
}

// numberOrStringSet: tp's type set lists only number and string types.
func numberOrStringSet(tp *types.TypeParam) bool {
	terms, listed := typeSetTerms(tp)
	for _, t := range terms {
		if b, ok := t.Underlying().(*types.Basic); !ok || b.Info()&(types.IsInteger|types.IsFloat|types.IsString) == 0 {
			return false
		}
	}
	return listed
}

// mayBeMinusOne: e, a divisor, is a signed integer's that is not a constant, or
// is the constant -1: the one that makes a quotient overflow (-128 / -1 of an int8).
func mayBeMinusOne(p *program, e ast.Expr) bool {
	if isUnsigned(p.info.TypeOf(e)) {
		return false
	}
	v := p.info.Types[e].Value
	return v == nil || constant.Compare(v, token.EQL, constant.MakeInt64(-1))
}

// mayBeZero: e is not a constant, or a constant zero (a float variable divided by
// the constant 0.0 is an infinity or NaN, as by a variable zero).
func mayBeZero(p *program, e ast.Expr) bool {
	v := p.info.Types[e].Value
	return v == nil || constant.Sign(v) == 0
}

// int64Param: t is a type parameter whose type set holds int or int64 (a shift
// or a product of it wraps at 64 bits where the type argument is one), else nil.
func int64Param(t types.Type) *types.TypeParam {
	tp, ok := t.(*types.TypeParam)
	if !ok {
		return nil
	}
	terms, _ := typeSetTerms(tp)
	for _, term := range terms {
		if isPlainInt64(term) {
			return tp
		}
	}
	return nil
}

// numericTypeSet: a type parameter whose type set holds only integer and float
// types.
func numericTypeSet(tp *types.TypeParam) bool {
	terms, listed := typeSetTerms(tp)
	for _, t := range terms {
		if b, ok := t.Underlying().(*types.Basic); !ok || b.Info()&(types.IsInteger|types.IsFloat) == 0 {
			return false
		}
	}
	return listed
}

// float32Set: t is a type parameter whose type set holds float32, whose every
// operation rounds (see sizedTypeSet).
func float32Set(t types.Type) bool {
	tp, ok := t.(*types.TypeParam)
	if !ok {
		return false
	}
	terms, _ := typeSetTerms(tp)
	for _, term := range terms {
		if isBasicKind(term, types.Float32) {
			return true
		}
	}
	return false
}

// sizedTypeSet: a type parameter whose type set holds a type that intWrap wraps
// (~int8, ~uint32...), or float32, whose arithmetic rounds to float32.
func sizedTypeSet(tp *types.TypeParam) bool {
	terms, _ := typeSetTerms(tp)
	for _, t := range terms {
		if intWrap(t) != "" || isBasicKind(t, types.Float32) {
			return true
		}
	}
	return false
}

// stringTypeSet: a type parameter whose constraint lists only string types
// (~string, string | Tag).
func stringTypeSet(tp *types.TypeParam) bool {
	terms, listed := typeSetTerms(tp)
	for _, t := range terms {
		if !isBasicKind(under(t), types.String) {
			return false
		}
	}
	return listed && len(terms) > 0
}

// isStringLike: t is a string type, or a type parameter of string types only.
func isStringLike(t types.Type) bool {
	if tp, ok := t.(*types.TypeParam); ok {
		return stringTypeSet(tp)
	}
	return isBasicKind(under(t), types.String)
}

// bytesOrStrings: tp's type set holds string types and []byte types only, and
// both (~string | ~[]byte).
func bytesOrStrings(tp *types.TypeParam) bool {
	terms, _ := typeSetTerms(tp)
	for _, t := range terms {
		if !isBasicKind(under(t), types.String) && !isByteSlice(t) {
			return false
		}
	}
	return mixesStringsAndSlices(tp)
}

// mixesStringsAndSlices: tp's type set holds a string type and a slice type
// (~[]byte | ~string), whose conversions differ by the type argument.
func mixesStringsAndSlices(tp *types.TypeParam) bool {
	strs, slices := false, false
	terms, _ := typeSetTerms(tp)
	for _, t := range terms {
		switch u := under(t).(type) {
		case *types.Basic:
			strs = strs || u.Info()&types.IsString != 0
		case *types.Slice:
			slices = true
		}
	}
	return strs && slices
}

// basicTypeSet: a type parameter whose constraint lists only numbers, strings
// and booleans (~uint16, cmp.Ordered), whose values Go's == compares by value,
// as Python's does whatever class of the number each is.
func basicTypeSet(tp *types.TypeParam) bool {
	terms, listed := typeSetTerms(tp)
	for _, t := range terms {
		if _, basic := under(t).(*types.Basic); !basic {
			return false
		}
	}
	return listed && len(terms) > 0
}

// elemParam: the type parameter a slice, an array or a map of t holds as its
// elements, at any depth ([]T, map[K][]T), or nil.
func elemParam(t types.Type) *types.TypeParam {
	for _, e := range elemTypes(t) {
		if tp, ok := types.Unalias(e).(*types.TypeParam); ok {
			return tp
		}
	}
	return nil
}

// elemTypes: the element types of t, a slice, an array or a map ([][]T: []T,
// then T), each once (type Tree map[string]Tree holds itself).
func elemTypes(t types.Type) []types.Type {
	var out []types.Type
	for seen := map[types.Type]bool{t: true}; ; {
		e := elemType(t)
		if e == nil {
			e = mapElem(t)
		}
		if e == nil || seen[e] {
			return out
		}
		out = append(out, e)
		seen[e], t = true, e
	}
}

// pointedInterface: t is a pointer to a named interface type of the program
// (*Labeler), not error's.
func pointedInterface(p *program, t types.Type) bool {
	ptr, ok := t.(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(ptr.Elem()).(*types.Named)
	return ok && types.IsInterface(n) && n.Obj().Pkg() != nil && p.ours(n.Obj().Pkg())
}

// mayBeFloat: t is a float or complex type, or a type parameter whose type set
// has one (the builtin min and max, and ==, then follow Go's rules for NaN).
func mayBeFloat(t types.Type) bool {
	if tp, ok := types.Unalias(t).(*types.TypeParam); ok {
		terms, _ := typeSetTerms(tp)
		return slices.ContainsFunc(terms, mayBeFloat)
	}
	b, ok := under(t).(*types.Basic)
	return ok && b.Info()&(types.IsFloat|types.IsComplex) != 0
}

// mayHoldNaN: a value of type t may be or hold a NaN that == must find unequal
// to itself: a float or complex, an interface (which may hold one), or an array
// of them (Python's == of lists and its "in" take an object as equal to itself).
func mayHoldNaN(t types.Type) bool {
	if types.IsInterface(t) {
		_, isParam := types.Unalias(t).(*types.TypeParam)
		return !isParam || mayBeFloat(t)
	}
	if at, ok := under(t).(*types.Array); ok {
		return mayHoldNaN(at.Elem())
	}
	return mayBeFloat(t)
}

// typeSetTerms: the types a type parameter's constraint lists, through the
// interfaces it embeds and their unions, and whether it lists some (any,
// comparable and a method set list none; interface{ ~int; fmt.Stringer } lists
// ~int, the method set beside it restricting no further).
func typeSetTerms(tp *types.TypeParam) (terms []types.Type, listed bool) {
	var visit func(t types.Type) bool
	visit = func(t types.Type) bool {
		switch u := t.Underlying().(type) {
		case *types.Interface:
			lists := false
			for i := 0; i < u.NumEmbeddeds(); i++ {
				lists = visit(u.EmbeddedType(i)) || lists
			}
			return lists
		case *types.Union:
			for i := 0; i < u.Len(); i++ {
				visit(u.Term(i).Type())
			}
			return true
		default:
			terms = append(terms, t)
			return true
		}
	}
	listed = visit(tp.Constraint())
	return terms, listed
}

// holdsStructValues: a slice, an array or a map whose elements are struct values
// without a String or Error method, or hold them in turn ([][]P, map[string][]P),
// which fmt prints {1 2}, not as pointers.
func holdsStructValues(t types.Type) bool { return holdsStructsBut(t, hasFmtMethod) }

// holdsStructs: as holdsStructValues, struct values with a String or Error method
// too (not a Format method), which a verb fmt calls neither under prints field
// by field: [{%!d(string=a) 1}].
func holdsStructs(t types.Type) bool { return holdsStructsBut(t, isFormatter) }

// holdsStructsBut: t is a slice, an array or a map whose elements, or theirs,
// are struct values of a type that printed is false of.
func holdsStructsBut(t types.Type, printed func(types.Type) bool) bool {
	for _, e := range elemTypes(t) {
		if isStructValueType(e) && !printed(e) {
			return true
		}
	}
	return false
}

// nilStringerElems: the class of T where t is a slice, an array or a map of *T, T
// a struct type of the program whose String or Error method has a pointer
// receiver, which fmt calls on a nil element too; "" for any other t.
func (f *fn) nilStringerElems(t types.Type) string {
	e := elemType(t)
	if e == nil {
		e = mapElem(t)
	}
	ptr, ok := e.(*types.Pointer)
	if !ok || !hasFmtMethod(ptr) || hasFmtMethod(ptr.Elem()) || hasFmtMethod(t) {
		return ""
	}
	n, ok := types.Unalias(ptr.Elem()).(*types.Named)
	if !ok || !f.m.types[n.Origin().Obj()] || n.TypeArgs().Len() > 0 && !f.p.nilSafeFmt(n.Origin()) {
		return ""
	}
	return f.m.globals[n.Origin().Obj()] // of a generic type, its String takes no type arguments from nil
}

// nilSafeFmt: the generic type n's pointer String, Error or Format method checks
// for a nil receiver, so it runs without the type arguments a nil one cannot give.
func (p *program) nilSafeFmt(n *types.Named) bool {
	for _, name := range []string{"String", "Error", "Format"} {
		obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(n), true, n.Obj().Pkg(), name)
		if fn, ok := obj.(*types.Func); ok && p.nilSafe[fn] {
			return true
		}
	}
	return false
}

// structPointerClass: the class of T where t is *T, T a struct type of the
// program (not generic) whose pointer has no String, Error or Format method; or "".
// fmt's mark of a bad verb names a nil one's type: %!s(*main.T=<nil>).
func (f *fn) structPointerClass(t types.Type) string {
	if hasFmtMethod(t) {
		return ""
	}
	return f.m.structClassOfPointer(t)
}

// interfaceElems: t is a slice or an array of interface values, whose == is
// go.equal's: the same dynamic type, then the value. (A type parameter's values
// compare as its type argument's, which a run does not keep: by value.)
func interfaceElems(t types.Type) bool {
	e := elemType(t)
	return e != nil && types.IsInterface(e) && !isTypeParam(e)
}

// byteSlicesDepth: how deep t, a slice or an array, holds []byte (or [N]byte)
// elements, none of the types on the way with a String or Error method: 1 for a
// [][]byte, 2 for a [][][]byte; else 0.
func byteSlicesDepth(t types.Type) int {
	e := elemType(t)
	if e == nil || hasFmtMethod(t) || hasFmtMethod(e) || isByteSlice(t) || isByteArray(t) {
		return 0
	}
	if isByteSlice(e) || isByteArray(e) {
		return 1
	}
	if d := byteSlicesDepth(e); d > 0 {
		return d + 1
	}
	return 0
}

// elemType: the element type of a slice or an array, or nil.
func elemType(t types.Type) types.Type {
	switch u := under(t).(type) {
	case *types.Slice:
		return u.Elem()
	case *types.Array:
		return u.Elem()
	}
	return nil
}

// mapElem: the type of a map's values, or nil for any other type.
func mapElem(t types.Type) types.Type {
	if m, ok := under(t).(*types.Map); ok {
		return m.Elem()
	}
	return nil
}

func isUnsigned(t types.Type) bool {
	b, ok := under(t).(*types.Basic)
	return ok && b.Info()&types.IsUnsigned != 0
}

// fits: every value of the integer type from is one of to.
func fits(from, to *types.Basic) bool {
	size := func(b *types.Basic) int {
		switch b.Kind() {
		case types.Int8, types.Uint8:
			return 8
		case types.Int16, types.Uint16:
			return 16
		case types.Int32, types.Uint32:
			return 32
		}
		return 64
	}
	fromUnsigned, toUnsigned := from.Info()&types.IsUnsigned != 0, to.Info()&types.IsUnsigned != 0
	switch {
	case fromUnsigned == toUnsigned:
		return size(from) <= size(to)
	case fromUnsigned:
		return size(from) < size(to)
	}
	return false // a signed value may be negative
}

func isBasicKind(t types.Type, k types.BasicKind) bool {
	b, ok := under(t).(*types.Basic)
	return ok && (b.Kind() == k || (k == types.Byte && b.Kind() == types.Uint8) || (k == types.String && b.Kind() == types.UntypedString))
}

// constCap: the capacity of e when it is nil or a make of a slice with constant
// sizes (the capacity Go's bufio.Scanner.Buffer starts with).
func (f *fn) constCap(e ast.Expr) (int, bool) {
	if f.isNil(e) {
		return 0, true
	}
	c, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || calleeName(f.p, c) != "make" || len(c.Args) < 2 {
		return 0, false
	}
	v := f.p.info.Types[c.Args[len(c.Args)-1]].Value
	if v == nil {
		return 0, false
	}
	n, exact := constant.Int64Val(constant.ToInt(v))
	return int(n), exact
}

// rawConcat renders the bytes of e, a sum of strings of which a constant operand
// is not valid UTF-8, operand by operand (list(s.encode()) + list(b"\xff")), or
// nil for any other e.
func (f *fn) rawConcat(e ast.Expr) []string {
	var operands []ast.Expr
	var flatten func(x ast.Expr)
	flatten = func(x ast.Expr) {
		if b, ok := ast.Unparen(x).(*ast.BinaryExpr); ok && b.Op == token.ADD && f.p.info.Types[b].Value == nil {
			flatten(b.X)
			flatten(b.Y)
			return
		}
		operands = append(operands, x)
	}
	flatten(e)
	raw := slices.ContainsFunc(operands, func(x ast.Expr) bool { _, ok := rawBytes(f.p, x); return ok })
	if !raw || len(operands) < 2 {
		return nil // rendered once, by the caller: a receive among the operands is taken once
	}
	var parts []string
	for _, x := range operands {
		if b, ok := rawBytes(f.p, x); ok {
			parts = append(parts, b)
		} else {
			parts = append(parts, "list("+encoded(f.value(x))+")")
		}
	}
	return parts
}

// rawBytes renders the bytes of e, a string constant that is not valid UTF-8, as
// a Python bytes literal: list(b"ab\xff"). ok is false for any other e, whose
// bytes are its text's, s.encode().
func rawBytes(p *program, e ast.Expr) (string, bool) {
	v := p.info.Types[e].Value
	if v == nil || v.Kind() != constant.String || utf8.ValidString(constant.StringVal(v)) {
		return "", false
	}
	var b strings.Builder
	b.WriteString(`list(b"`)
	for _, c := range []byte(constant.StringVal(v)) {
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c >= 0x20 && c < 0x7f:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, `\x%02x`, c)
		}
	}
	b.WriteString(`")`)
	return b.String(), true
}

// encoded: the UTF-8 bytes of the Python string expression s, s.encode(), s in
// parentheses where an operator binds it less than the call does ((a + b).encode()).
func encoded(s string) string {
	if topLevelSpace(s) || strings.HasPrefix(s, "-") {
		s = "(" + s + ")"
	}
	return s + ".encode()"
}

// calledAtOnce renders fnArg, a function the library call c calls as a plain
// function, in one step: refused (construct, instead) where it blocks itself, and
// run at once, go.plain(f), where it is a generator only because a function of its
// type blocks.
func (f *fn) calledAtOnce(c *ast.CallExpr, fnArg ast.Expr, construct, instead string) string {
	if f.blocksItself(fnArg) {
		f.p.unsupported(c, construct, instead)
	}
	v := f.value(fnArg)
	if f.mayBlock(fnArg) || strings.HasPrefix(v, "go.generator(") {
		// go.generator: a library function as a value (cmp.Compare[int]) of a family
		// the program calls as a generator
		return "go.plain(" + v + ")"
	}
	return v
}

// digestName: hashlib's name of the digest a crypto package's function makes
// (sha256.Sum224 and sha256.New224: "sha224").
func digestName(name string) string {
	pkg, fn, _ := strings.Cut(strings.TrimPrefix(name, "crypto/"), ".")
	size, found := strings.CutPrefix(fn, "Sum")
	if !found {
		size = strings.TrimPrefix(fn, "New")
	}
	if size != "" {
		return "sha" + size
	}
	return pkg
}

// locationCompared: c, a t.Location(), is an operand of == or != or a switch's
// tag: Go's answer depends on whether t was made in time.UTC or time.Local, one
// zone in a run (as TZ=UTC has it: both print UTC).
func (p *program) locationCompared(c *ast.CallExpr) bool {
	found := false
	for _, file := range p.files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BinaryExpr:
				if n.Op == token.EQL || n.Op == token.NEQ {
					found = found || ast.Unparen(n.X) == c || ast.Unparen(n.Y) == c
				}
			case *ast.SwitchStmt:
				found = found || n.Tag != nil && ast.Unparen(n.Tag) == c
			}
			return !found
		})
	}
	return found
}

// inMemoryIO: e is a *bytes.Reader, a *bytes.Buffer or a *strings.Reader, whose
// reads and writes never block.
func inMemoryIO(p *program, e ast.Expr) bool {
	ptr, ok := p.info.TypeOf(e).(*types.Pointer)
	return ok && (isNamed(ptr.Elem(), "bytes", "Reader") || isNamed(ptr.Elem(), "bytes", "Buffer") || isNamed(ptr.Elem(), "strings", "Reader"))
}

// isFloat32: t is float32, or a named float32 type without a String or Error
// method, whose values fmt prints with a float32's fewest digits.
func isFloat32(t types.Type) bool {
	return isBasicKind(t, types.Float32) && !hasFmtMethod(t)
}

// holdsFloat32: t is a float32, or a slice, an array or a map (of no String or
// Error method) with float32 elements or keys at some depth.
func holdsFloat32(t types.Type) bool {
	return holdsFloat32Of(t, map[types.Type]bool{})
}

// holdsFloat32Of is holdsFloat32, seen holding the types on the way (type Tree
// map[string]Tree holds itself).
func holdsFloat32Of(t types.Type, seen map[types.Type]bool) bool {
	if t == nil || seen[t] || hasFmtMethod(t) {
		return false
	}
	seen[t] = true
	if isFloat32(t) {
		return true
	}
	if e := elemType(t); e != nil {
		return holdsFloat32Of(e, seen)
	}
	return mapElem(t) != nil && (holdsFloat32Of(mapKey(t), seen) || holdsFloat32Of(mapElem(t), seen))
}

// mapKey: the type of a map's keys, or nil for any other type.
func mapKey(t types.Type) types.Type {
	if m, ok := under(t).(*types.Map); ok {
		return m.Key()
	}
	return nil
}

// utcOnly refuses a location other than time.UTC or time.Local, which is UTC in a
// run: simlab's times carry no zone.
func (f *fn) utcOnly(loc ast.Expr) {
	if !utcLocation(f.p, loc, true) {
		f.p.unsupported(loc, "a time.Location other than time.UTC or time.Local", "times in UTC, the only zone of a run")
	}
}

// utcLocation: loc is time.UTC, time.Local or t.Location(), or (where held) a
// variable of the program whose every value is one of those (loc := time.UTC,
// then time.ParseInLocation(layout, s, loc)), its address never taken.
func utcLocation(p *program, loc ast.Expr, held bool) bool {
	switch x := ast.Unparen(loc).(type) {
	case *ast.CallExpr:
		return calleeName(p, x) == "time.Location" // t.Location()
	case *ast.SelectorExpr:
		v, ok := p.info.Uses[x.Sel].(*types.Var)
		return ok && v.Pkg() != nil && v.Pkg().Path() == "time" && (v.Name() == "UTC" || v.Name() == "Local")
	case *ast.Ident:
		v, ok := p.info.Uses[x].(*types.Var)
		if !ok || !held || v.Pkg() == nil || !p.ours(v.Pkg()) || p.addressTaken(v) {
			return false // &loc: written where this does not look
		}
		values, known := p.assignedValues(v)
		return known && len(values) > 0 && !slices.ContainsFunc(values, func(e ast.Expr) bool { return !utcLocation(p, e, false) })
	}
	return false
}

// assignedTable: the values the program gives its variables, found once: see
// assignedValues.
type assignedTable struct {
	values  map[*types.Var][]ast.Expr
	unknown map[*types.Var]bool
}

// assignedValues: every value the program gives the variable v, in its
// declaration and its assignments; not known where one is not a single
// expression's (a, loc := f()), an assignment with an operator, ++ or --, a range
// clause's, or the zero value of a declaration without one (var b *bytes.Buffer).
func (p *program) assignedValues(v *types.Var) (values []ast.Expr, known bool) {
	if p.assigned == nil {
		t := &assignedTable{values: map[*types.Var][]ast.Expr{}, unknown: map[*types.Var]bool{}}
		assign := func(lhs, rhs []ast.Expr, plain bool) {
			for i, l := range lhs {
				id, ok := ast.Unparen(l).(*ast.Ident)
				if !ok {
					continue
				}
				if w, ok := p.info.ObjectOf(id).(*types.Var); ok {
					if plain && len(lhs) == len(rhs) {
						t.values[w] = append(t.values[w], rhs[i])
					} else {
						t.unknown[w] = true
					}
				}
			}
		}
		for _, file := range p.files {
			ast.Inspect(file, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.AssignStmt:
					assign(n.Lhs, n.Rhs, n.Tok == token.ASSIGN || n.Tok == token.DEFINE)
				case *ast.ValueSpec:
					names := make([]ast.Expr, len(n.Names))
					for i, id := range n.Names {
						names[i] = id
					}
					assign(names, n.Values, true)
				case *ast.RangeStmt:
					assign([]ast.Expr{n.Key, n.Value}, nil, false)
				case *ast.IncDecStmt:
					assign([]ast.Expr{n.X}, nil, false)
				}
				return true
			})
		}
		p.assigned = t
	}
	return p.assigned.values[v], !p.assigned.unknown[v]
}

// uncopiedLibraryStruct: t is a struct type of the standard library that go.copy
// cannot copy (an atomic.Int64): not a time.Time, a sync.Mutex or a WaitGroup.
func uncopiedLibraryStruct(p *program, t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || p.ours(n.Obj().Pkg()) {
		return false
	}
	_, isStruct := n.Underlying().(*types.Struct)
	return isStruct && !isTime(n) && !copiedLock(n)
}

// holdsLibraryStruct: the struct type t holds, in a field or a struct-valued
// field's, an uncopiedLibraryStruct, which fmt reads where it stands.
func holdsLibraryStruct(p *program, t types.Type, seen map[types.Type]bool) bool {
	st, ok := under(t).(*types.Struct)
	if !ok || seen[t] {
		return false
	}
	seen[t] = true
	for i := 0; i < st.NumFields(); i++ {
		if ft := st.Field(i).Type(); uncopiedLibraryStruct(p, ft) || holdsLibraryStruct(p, ft, seen) {
			return true
		}
	}
	return false
}

// copiedLock: a sync.Mutex or sync.WaitGroup field of a struct value that is
// copied: go.copy_sync copies its state, as Go copies it (go vet's copylocks).
func copiedLock(t types.Type) bool {
	return !isPointer(t) && (isNamed(t, "sync", "Mutex") || isNamed(t, "sync", "WaitGroup"))
}

// typeParamReceiver: the type parameter whose value fun's method is called on
// (x.Total() of an x of type T), where the program has named number, slice or map
// types with methods, whose values are plain numbers, lists and dicts; else nil.
func (f *fn) typeParamReceiver(fun ast.Expr) *types.TypeParam {
	sel, ok := fun.(*ast.SelectorExpr)
	// (a nil *S whose method tests for nil: T's box makes it (*S)(nil), whose method runs)
	if !ok || len(f.m.values) == 0 && len(f.m.basics) == 0 && !f.p.libraryTypeArgs() && len(f.p.nilSafe) == 0 {
		return nil
	}
	s := f.p.info.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal {
		return nil
	}
	tp, _ := s.Recv().(*types.TypeParam)
	return tp
}

// libraryTypeArgs: the program instantiates a generic with a type of the
// library whose methods a constraint may name, a time.Duration, a time.Time (a
// plain int in the run, its golib class the type argument's box).
func (p *program) libraryTypeArgs() bool {
	if p.libArgs == nil {
		found := false
		for _, inst := range p.info.Instances {
			for i := 0; inst.TypeArgs != nil && i < inst.TypeArgs.Len(); i++ {
				if t := inst.TypeArgs.At(i); libraryBasicClass(t) != "" || isTime(t) {
					found = true
				}
			}
		}
		p.libArgs = &found
	}
	return *p.libArgs
}

// callOf: the Python expression s is one call of fn, fn(...), and nothing after it.
func callOf(s, fn string) bool {
	if !strings.HasPrefix(s, fn+"(") || !strings.HasSuffix(s, ")") {
		return false
	}
	closed := -1 // where the call's parenthesis closes
	outsideStrings(s[len(fn):], func(i int, r rune, depth int) bool {
		if depth == 0 {
			closed = len(fn) + i
		}
		return depth > 0
	})
	return closed == len(s)-1
}

// spreadOrValues: the values append(s, ...) appends, as the arguments after s:
// ", *xs" for append(s, xs...), else ", " and each value.
func (f *fn) spreadOrValues(c *ast.CallExpr) string {
	if c.Ellipsis.IsValid() {
		return ", *" + f.spread(c.Args[1])
	}
	text := ""
	for _, a := range c.Args[1:] {
		text += ", " + f.value(a)
	}
	return text
}

// timeMethodExprs: time.Time's method expressions that compare or subtract, as
// functions of the two times (each a number of nanoseconds, as their calls read),
// and time.Duration.String, a function of the duration.
var timeMethodExprs = map[string]string{
	"time.Time.Compare":    "go.compare",
	"time.Time.Before":     "(lambda t, u: t < u)",
	"time.Time.After":      "(lambda t, u: t > u)",
	"time.Time.Equal":      "(lambda t, u: t == u)",
	"time.Time.Sub":        "go.time_sub",
	"time.Duration.String": "sl.format_duration",
}

// keyedMap: the class of a map whose keys a dict would not tell apart as Go does:
// an interface key type's (1 and 1.0, "a" and a named string's "a" are two keys),
// a type parameter's, which its type argument chooses (an array type argument's
// arrays key it; an interface type argument's, as an interface key type's); else "".
func keyedMap(m *types.Map) string {
	if tp, ok := m.Key().(*types.TypeParam); ok {
		return "go.param_keyed(" + tp.Obj().Name() + ")"
	}
	if types.IsInterface(m.Key()) {
		return "go.InterfaceKeyMap"
	}
	return ""
}

// gcSizes: the sizes of Go's types on the amd64 machines the recordings ran on.
var gcSizes = types.SizesFor("gc", "amd64")

// growth: the keywords that tell go.appended how Go grows the slice append(s, ...)
// makes past its capacity: its elements' size in bytes, where it is not 8, whether
// they hold pointers (the allocator puts a header before a block of those above
// 512 bytes), and the stack buffer of a first append (see findStackAppends). A
// type parameter's elements are taken for 8 bytes without pointers.
func (m *module) growth(c *ast.CallExpr) string {
	sl, ok := under(m.p.info.TypeOf(c)).(*types.Slice)
	if !ok || hasTypeParam(sl.Elem()) {
		return ""
	}
	kw := ""
	if n, ok := sizeOf(sl.Elem()); ok && n != 8 {
		kw += ", size=" + strconv.FormatInt(n, 10)
	}
	if hasPointers(sl.Elem()) {
		kw += ", pointers=True"
	}
	if k := m.stackAppends[c]; k > 0 {
		kw += ", stack=" + strconv.FormatInt(k, 10)
	}
	return kw
}

// hasPointers: do values of t hold a pointer the collector follows (a string's
// bytes, a slice's array, a map, a channel, a function, an interface's value)?
func hasPointers(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0 || u.Kind() == types.UnsafePointer
	case *types.Array:
		return u.Len() > 0 && hasPointers(u.Elem())
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if hasPointers(u.Field(i).Type()) {
				return true
			}
		}
		return false
	}
	return true
}

// isSizedInt: t is an integer type of a size of its own (uint8, int64...), not int,
// which an interface holds as a go.Sized that knows its name.
func isSizedInt(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0 && b.Info()&types.IsUntyped == 0 && b.Kind() != types.Int
}

// pointedStruct: the named type T of t = **T, T a non-generic named type, or nil.
func pointedStruct(t types.Type) *types.Named {
	if ptr, ok := t.(*types.Pointer); ok {
		if inner, ok := ptr.Elem().(*types.Pointer); ok {
			if n, ok := inner.Elem().(*types.Named); ok && n.TypeArgs().Len() == 0 {
				return n
			}
		}
	}
	return nil
}

// hasAsMethod: the program declares a method As(any) bool, which errors.As calls
// with its target.
func (m *module) hasAsMethod() bool {
	for _, obj := range m.p.info.Defs {
		if fn, ok := obj.(*types.Func); ok && fn.Name() == "As" && fn.Type().(*types.Signature).Recv() != nil {
			return true
		}
	}
	return false
}

// isSyncPointer: t points to a sync.Mutex, RWMutex, WaitGroup or Once, or to one of
// sync/atomic's Int32, Int64, Uint32, Uint64 and Bool, which fmt prints as Go's
// structs (the value and the pointer are one object at run time).
func isSyncPointer(t types.Type) bool {
	ptr, ok := t.(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := ptr.Elem().(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	switch n.Obj().Pkg().Path() + "." + n.Obj().Name() {
	case "sync.Mutex", "sync.RWMutex", "sync.WaitGroup", "sync.Once", "sync/atomic.Int32",
		"sync/atomic.Int64", "sync/atomic.Uint32", "sync/atomic.Uint64", "sync/atomic.Bool":
		return true
	}
	return false
}

// spacesNonStrings: c is a Print, Sprint or Fprint of fmt or log, which puts a space
// between two operands only where neither is a string.
func spacesNonStrings(p *program, c *ast.CallExpr) bool {
	switch calleeName(p, c) {
	case "fmt.Print", "fmt.Sprint", "fmt.Fprint", "fmt.Append", "log.Print", "log.Fatal", "log.Panic",
		"log.Logger.Print", "log.Logger.Fatal", "log.Logger.Panic":
		return true
	}
	return false
}

// isSignature: t is a func type (a named one too).
func isSignature(t types.Type) bool {
	_, ok := under(t).(*types.Signature)
	return ok
}

// bytesElems: t is an array or a slice whose elements are bytes (a named uint8's
// too), which fmt prints as text or hex.
func bytesElems(t types.Type) bool {
	switch u := under(t).(type) {
	case *types.Array, *types.Slice:
		b, ok := under(elemType(u)).(*types.Basic)
		return ok && b.Kind() == types.Uint8
	}
	return false
}
