package main

import (
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"sort"
	"strings"
)

// encoding/json: golib's go.json (simlab/translate/golib/_json.py) encodes and
// decodes by a descriptor of the Go type each call involves (jsonType), and reads
// a struct's fields from its class's go_json (jsonFields), written after the
// functions for every struct type a descriptor names.

// jsonCall renders a call of one of encoding/json's functions (name:
// encoding/json.Marshal), or returns false for one it does not model.
func (f *fn) jsonCall(c *ast.CallExpr, name string) (string, bool) {
	arg := func(i int) string { return f.value(c.Args[i]) }
	typeOf := func(i int) string { return f.jsonType(c.Args[i], f.p.info.TypeOf(c.Args[i])) }
	call := func(fn, args string) (string, bool) {
		if f.m.a.pipes { // a MarshalJSON or UnmarshalJSON of the program's may block
			return "(yield from go.json.blocking_" + fn + "(" + args + "))", true
		}
		return "go.json." + fn + "(" + args + ")", true
	}
	switch strings.TrimPrefix(name, "encoding/json.") {
	case "Marshal":
		return call("marshal", arg(0)+", "+typeOf(0))
	case "MarshalIndent":
		return call("marshal_indent", arg(0)+", "+typeOf(0)+", "+arg(1)+", "+arg(2))
	case "Unmarshal":
		f.jsonTarget(c.Args[1])
		return call("unmarshal", arg(0)+", "+arg(1)+", "+typeOf(1))
	case "Valid":
		return "go.json.valid(" + arg(0) + ")", true
	case "Compact", "Indent", "HTMLEscape":
		if ptr, ok := f.p.info.TypeOf(c.Args[0]).(*types.Pointer); !ok || !isNamed(ptr.Elem(), "bytes", "Buffer") {
			return "", false // the program's own writer
		}
		fn := map[string]string{"Compact": "compact", "Indent": "indent", "HTMLEscape": "html_escape"}[strings.TrimPrefix(name, "encoding/json.")]
		return "go.json." + fn + "(" + f.args(c) + ")", true
	case "NewEncoder":
		return "go.json.Encoder(" + arg(0) + ")", true
	case "NewDecoder":
		return "go.json.Decoder(" + arg(0) + ")", true
	}
	return "", false
}

// jsonMethod renders a call of a method of json.Encoder or json.Decoder (key:
// encoding/json.Decoder.Decode); in a program whose library I/O may block (see
// analysis.pipes) Encode, Decode and More are "yield from" their blocking forms.
func (f *fn) jsonMethod(c *ast.CallExpr, key, recv string) (string, bool, bool) {
	arg := func(i int) string { return f.value(c.Args[i]) }
	typeOf := func(i int) string { return f.jsonType(c.Args[i], f.p.info.TypeOf(c.Args[i])) }
	blocking := func(method, args string) (string, bool, bool) {
		if f.m.a.pipes {
			return "(yield from " + recv + ".blocking_" + method + "(" + args + "))", true, true
		}
		return recv + "." + method + "(" + args + ")", false, true
	}
	switch strings.TrimPrefix(key, "encoding/json.") {
	case "Encoder.Encode":
		return blocking("encode", arg(0)+", "+typeOf(0))
	case "Decoder.Decode":
		f.jsonTarget(c.Args[0])
		return blocking("decode", arg(0)+", "+typeOf(0))
	case "Decoder.More":
		return blocking("more", "")
	case "Decoder.Token":
		return blocking("token", "")
	case "Delim.String":
		return "go.json.Delim(" + recv + ").String()", false, true
	case "SyntaxError.Error", "UnmarshalTypeError.Error", "UnmarshalTypeError.Unwrap", "MarshalerError.Error",
		"MarshalerError.Unwrap", "InvalidUnmarshalError.Error", "UnsupportedTypeError.Error", "UnsupportedValueError.Error":
		return recv + "." + strings.SplitN(key, ".", 3)[2] + "()", false, true
	case "Number.Int64", "Number.Float64", "Number.String":
		return "go.json.Number(" + recv + ")." + strings.SplitN(key, ".", 3)[2] + "()", false, true
	case "Encoder.SetIndent", "Encoder.SetEscapeHTML", "Decoder.DisallowUnknownFields", "Decoder.InputOffset",
		"Decoder.UseNumber":
		return recv + "." + strings.SplitN(key, ".", 3)[2] + "(" + f.args(c) + ")", false, true
	}
	return "", false, false
}

// jsonTarget refuses a target the translation cannot write through: a *time.Time
// is its Time's value; and one whose type holds a type parameter (*[]T), which
// the decoder would fill as an any (a float64, a map) whatever the type argument.
// A *T is decoded by the descriptor T's type argument carries (jsonTypeArgs).
func (f *fn) jsonTarget(x ast.Expr) {
	ptr, ok := f.p.info.TypeOf(x).(*types.Pointer)
	if !ok {
		return // an interface holding the pointer: see go.json's _held
	}
	if isTime(ptr.Elem()) {
		f.p.unsupported(x, "json.Unmarshal into a *time.Time", "a struct with a time.Time field")
	}
	if n, ok := types.Unalias(ptr.Elem()).(*types.Named); ok && n.TypeArgs().Len() > 0 && f.p.jsonTypeArgs && isStructType(n) {
		return // &env of an Envelope[T]: its object keeps T, which its fields go by
	}
	if _, bare := types.Unalias(ptr.Elem()).(*types.TypeParam); hasTypeParam(ptr.Elem()) && !bare {
		f.p.unsupported(x, "json.Unmarshal into a value of a type parameter's type ("+types.TypeString(ptr.Elem(), nil)+")",
			"decode into a variable of a concrete type where the generic function is called, and pass it the value")
	}
}

// decodesJSONIntoTypeParam: the program decodes JSON into a value of a type
// parameter's type, json.Unmarshal(body, &out) of an out T, or Decode(&out).
func (p *program) decodesJSONIntoTypeParam() bool {
	found := false
	for _, file := range p.files {
		ast.Inspect(file, func(n ast.Node) bool {
			c, ok := n.(*ast.CallExpr)
			if !ok || found {
				return !found
			}
			var target ast.Expr
			switch calleeName(p, c) { // Decode: the Decoder's method
			case "encoding/json.Unmarshal":
				target = c.Args[1]
			case "encoding/json.Decode":
				target = c.Args[0]
			}
			if target != nil {
				if ptr, ok := p.info.TypeOf(target).(*types.Pointer); ok {
					_, found = types.Unalias(ptr.Elem()).(*types.TypeParam)
				}
			}
			return !found
		})
	}
	return found
}

// jsonOfGenericStruct: the program calls encoding/json and declares a generic
// struct type, whose objects' fields of a type parameter's type go by their type
// argument's descriptor (json.Marshal(Envelope[Widget]{...})).
func (p *program) jsonOfGenericStruct() bool {
	usesJSON, generic := false, false
	for _, file := range p.files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				usesJSON = usesJSON || strings.HasPrefix(calleeName(p, n), "encoding/json.")
			case *ast.TypeSpec:
				_, isStruct := n.Type.(*ast.StructType)
				generic = generic || n.TypeParams != nil && isStruct
			}
			return !(usesJSON && generic)
		})
	}
	return usesJSON && generic
}

// jsonClasses: encoding/json's error types and Number, by golib's class.
var jsonClasses = map[string]string{
	"*encoding/json.SyntaxError": "go.json.SyntaxError", "*encoding/json.UnmarshalTypeError": "go.json.UnmarshalTypeError",
	"*encoding/json.InvalidUnmarshalError": "go.json.InvalidUnmarshalError",
	"*encoding/json.MarshalerError":        "go.json.MarshalerError",
	"encoding/json.Number":                 "go.json.Number",
	"encoding/json.Delim":                  "go.json.Delim",
	"*encoding/json.UnsupportedTypeError":  "go.json.UnsupportedTypeError", "*encoding/json.UnsupportedValueError": "go.json.UnsupportedValueError",
}

// jsonType renders the descriptor of type t for golib's go.json: (kind, Go's
// name of the type, ...) as _json.py describes it. A struct type of the program
// is remembered, to be given its go_json.
func (f *fn) jsonType(at ast.Node, t types.Type) string {
	f.m.jsonUsed = true
	return f.jsonDesc(at, t, false)
}

// jsonDesc is jsonType; lenient, for a struct's field that an interface may
// hold (jsonEveryStruct): a type simlab does not model is ("refused", name, what)
// there, which ends the run in one line only if it is encoded.
func (f *fn) jsonDesc(at ast.Node, t types.Type, lenient bool) string {
	p := f.p
	if tp, ok := types.Unalias(t).(*types.TypeParam); ok && f.m.jsonClass != nil {
		// a field of a generic struct: the type argument its object keeps
		return `("param", ` + pyString(f.m.typeParamSlot(f.m.jsonClass, tp.Obj().Name())) + ")"
	}
	if tp, ok := types.Unalias(t).(*types.TypeParam); ok && p.jsonTypeArgs {
		return "go.json.type_param(" + tp.Obj().Name() + ")" // its argument's descriptor
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		if f.m.jsonOpen[n] {
			// type Tree map[string]Tree: a descriptor of it would hold itself
			p.unsupported(at, "encoding/json of a type that holds itself ("+reflectType(t)+")",
				"a struct type whose field holds the type")
		}
		if f.m.jsonOpen == nil {
			f.m.jsonOpen = map[*types.Named]bool{}
		}
		f.m.jsonOpen[n] = true
		defer delete(f.m.jsonOpen, n)
	}
	name := pyString(reflectType(t))
	refuse := f.jsonRefusal(at, name, lenient)
	if b, ok := t.(*types.Basic); ok && b.Kind() == types.UntypedNil {
		return `("nil", "nil")`
	}
	if isDuration(t) {
		return `("int64", "time.Duration")`
	}
	if isTime(t) {
		return `("time", "time.Time")`
	}
	_, isPtr := types.Unalias(t).(*types.Pointer) // isNamed takes a pointer to the type too
	if isRawMessage(t) && !isPtr {
		return `("raw", "json.RawMessage")`
	}
	if (isNamed(types.Unalias(t), "time", "Month") || isNamed(types.Unalias(t), "time", "Weekday")) && !isPtr {
		return `("int", ` + name + ", " + timeClass(t) + ")" // a number, as Go's: no JSON or text method
	}
	if isNamed(types.Unalias(t), "encoding/json", "Number") && !isPtr {
		return `("number", "json.Number")`
	}
	if isNamed(types.Unalias(t), "log/slog", "Level") && !isPtr {
		// its MarshalJSON and UnmarshalJSON: "WARN+1", any case read back
		return jsonMethodsDesc(`"slog.Level"`, `("int", "slog.Level")`, "json", "json", "go.slog.Level")
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		if n.Obj().Pkg() != nil && !p.ours(n.Obj().Pkg()) {
			if n.Obj().Name() != "error" && !types.IsInterface(n) {
				return refuse("a value of the library's type " + reflectType(t))
			}
		}
		if n.TypeArgs().Len() > 0 {
			st, isStruct := n.Origin().Underlying().(*types.Struct)
			if marshal, unmarshal, _ := jsonMethods(n.Origin()); !isStruct || marshal != "" || unmarshal != "" ||
				!f.m.types[n.Obj()] || f.m.localGeneric[n.Obj()] != nil || !p.jsonTypeArgs {
				return refuse("an instance of a generic type (" + reflectType(t) + ")")
			}
			// Envelope[Widget]: the class's go_json, whose T fields take the
			// descriptor of the type argument each object keeps
			f.jsonRemember(st, f.m.globals[n.Obj()], at, lenient)
			short := strings.TrimPrefix(reflectType(t), n.Obj().Pkg().Name()+".") // Envelope[int], as Go's errors name it
			desc := `("struct", ` + name + ", " + f.m.globals[n.Obj()] + ", " + pyString(short)
			if hasTypeParam(n) {
				return desc + ")" // Pair[T, string] in a class's go_json, where no T is at hand
			}
			var args []string // each new value's type arguments: a map's or a slice's elements
			for _, kw := range f.m.typeKeywords(n.Origin().TypeParams(), n.TypeArgs(), at) {
				name, value, _ := strings.Cut(kw, "=")
				args = append(args, pyString(name)+": "+value)
			}
			return desc + ", {" + strings.Join(args, ", ") + "})"
		}
		marshal, unmarshal, text := jsonMethods(n)
		if text {
			return refuse("a type with an UnmarshalText method (" + reflectType(t) + ")")
		}
		if marshal != "" || unmarshal != "" {
			cls := f.m.globals[n.Obj()]
			if !f.m.types[n.Obj()] && !f.m.basics[n.Obj()] {
				return refuse("a type of no struct, number or string kind with a MarshalJSON or MarshalText method (" + reflectType(t) + ")")
			}
			return jsonMethodsDesc(name, f.jsonPlain(at, t, lenient), marshal, unmarshal, cls)
		}
	}
	return f.jsonPlain(at, t, lenient)
}

// jsonMethodsDesc: the descriptor of a type with its own JSON methods, go_type and
// plain already rendered (see _json.py).
func jsonMethodsDesc(goType, plain, marshal, unmarshal, cls string) string {
	return "(" + strings.Join([]string{`"methods"`, goType, plain, pyString(marshal), pyString(unmarshal), cls}, ", ") + ")"
}

// jsonKey is jsonDesc of a map's key type: encoding/json writes a key by its
// MarshalText method where its type has one, a value method, MarshalJSON or not.
func (f *fn) jsonKey(at ast.Node, t types.Type, lenient bool) string {
	if n, ok := types.Unalias(t).(*types.Named); ok && n.TypeArgs().Len() == 0 &&
		types.NewMethodSet(n).Lookup(n.Obj().Pkg(), "MarshalText") != nil {
		_, unmarshal, text := jsonMethods(n)
		switch {
		case isNamed(n, "log/slog", "Level"):
			return jsonMethodsDesc(`"slog.Level"`, `("int", "slog.Level")`, "text", "json", "go.slog.Level")
		case !text && (f.m.types[n.Obj()] || f.m.basics[n.Obj()]):
			return jsonMethodsDesc(pyString(reflectType(t)), f.jsonPlain(at, t, lenient), "text", unmarshal, f.m.globals[n.Obj()])
		}
	}
	return f.jsonDesc(at, t, lenient)
}

// structKeyByText: t is a struct type of the program whose values have a
// MarshalText method, which encoding/json writes a map key with.
func (f *fn) structKeyByText(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.TypeArgs().Len() == 0 && isStructType(n) && f.m.types[n.Obj()] &&
		types.NewMethodSet(n).Lookup(n.Obj().Pkg(), "MarshalText") != nil
}

// jsonRefusal: what refuses a type of the name (quoted) as "encoding/json of
// what": the translation's one line, or leniently a ("refused", ...) descriptor.
func (f *fn) jsonRefusal(at ast.Node, name string, lenient bool) func(what string) string {
	return func(what string) string {
		if lenient {
			return `("refused", ` + name + ", " + pyString("encoding/json of "+what) + ")"
		}
		f.p.unsupported(at, "encoding/json of "+what, "numbers, strings, bools, interfaces, and slices, arrays, maps, pointers and structs of the program's made of them")
		return ""
	}
}

// jsonMethods: how values of n marshal themselves: "json" (a MarshalJSON method)
// or "text" (MarshalText), with a "*" for a pointer method, which Go calls only on
// a value whose address it can take; whether UnmarshalJSON decodes them ("json");
// text: an UnmarshalText method, which simlab does not call.
func jsonMethods(n *types.Named) (marshal, unmarshal string, text bool) {
	values, pointers := types.NewMethodSet(n), types.NewMethodSet(types.NewPointer(n))
	has := func(set *types.MethodSet, name string) bool { return set.Lookup(n.Obj().Pkg(), name) != nil }
	for _, m := range []struct{ name, kind string }{{"MarshalJSON", "json"}, {"MarshalText", "text"}} {
		if has(values, m.name) {
			marshal = m.kind
			break
		}
		if has(pointers, m.name) {
			marshal = m.kind + "*"
			break
		}
	}
	if has(pointers, "UnmarshalJSON") {
		unmarshal = "json"
	} else if has(pointers, "UnmarshalText") {
		text = true
	}
	return marshal, unmarshal, text
}

// marshalsItself: n's values or pointers have a MarshalJSON or MarshalText method
// (a []Status of a type Status uint8 that has one is an array, not base64).
func marshalsItself(n *types.Named) bool {
	marshal, _, _ := jsonMethods(n)
	return marshal != ""
}

// jsonClass: ", Color" where t, a named number, string or bool type, has a class
// (its methods): what a decoded value becomes, so that fmt finds its String
// method in a slice or a map too; else "".
func (f *fn) jsonClass(t types.Type) string {
	if cls := f.m.basicClass(t); cls != "" {
		return ", " + cls
	}
	return ""
}

// jsonPlain is jsonDesc of t's own kind, its methods aside.
func (f *fn) jsonPlain(at ast.Node, t types.Type, lenient bool) string {
	name := pyString(reflectType(t))
	refuse := f.jsonRefusal(at, name, lenient)
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Kind() == types.Bool:
			return `("bool", ` + name + f.jsonClass(t) + ")"
		case u.Kind() == types.String:
			return `("string", ` + name + f.jsonClass(t) + ")"
		case u.Info()&types.IsInteger != 0 || u.Info()&types.IsFloat != 0:
			return "(" + pyString(types.Typ[u.Kind()].Name()) + ", " + name + f.jsonClass(t) + ")"
		}
		return `("unsupported", ` + name + ")" // complex, unsafe.Pointer
	case *types.Interface:
		f.jsonEveryStruct(at)
		if u.Empty() {
			return `("any", ` + name + ")"
		}
		return `("iface", ` + name + ")"
	case *types.Slice:
		if n, ok := types.Unalias(u.Elem()).(*types.Named); isByteSlice(t) && (!ok || !marshalsItself(n)) {
			return `("bytes", ` + name + ")" // base64, unless its bytes marshal themselves
		}
		return `("slice", ` + name + ", " + f.jsonDesc(at, u.Elem(), lenient) + ")"
	case *types.Array:
		return fmt.Sprintf(`("array", %s, %s, %d)`, name, f.jsonDesc(at, u.Elem(), lenient), u.Len())
	case *types.Map:
		k, ok := u.Key().Underlying().(*types.Basic)
		if (!ok || k.Info()&(types.IsString|types.IsInteger) == 0) && !f.structKeyByText(u.Key()) {
			return refuse("a map keyed by " + reflectType(u.Key()))
		}
		return `("map", ` + name + ", " + f.jsonDesc(at, u.Elem(), lenient) + ", " + f.jsonKey(at, u.Key(), lenient) + ")"
	case *types.Pointer:
		return `("ptr", ` + name + ", " + f.jsonDesc(at, u.Elem(), lenient) + ")"
	case *types.Chan, *types.Signature:
		return `("unsupported", ` + name + ")"
	case *types.Struct:
		if u.NumFields() == 0 {
			return `("empty", ` + name + ")"
		}
		n, ok := types.Unalias(t).(*types.Named)
		if !ok {
			cls := f.m.anonClass(u)
			if cls == "" {
				return refuse("a struct of no named type that has no literal (" + reflectType(t) + ")")
			}
			f.jsonRemember(u, cls, at, lenient)
			return `("struct", ` + name + ", " + cls + `, "")`
		}
		if !f.m.types[n.Obj()] || f.m.localGeneric[n.Obj()] != nil {
			return refuse("a struct type of a generic function's (" + reflectType(t) + ")")
		}
		f.jsonRemember(u, f.m.globals[n.Obj()], at, lenient)
		return `("struct", ` + name + ", " + f.m.globals[n.Obj()] + ", " + pyString(n.Obj().Name()) + ")"
	}
	return refuse("a value of type " + reflectType(t))
}

// jsonRemember: the struct type st, of class cls, is to be given its go_json.
func (f *fn) jsonRemember(st *types.Struct, cls string, at ast.Node, lenient bool) {
	if f.m.jsonStructs == nil {
		f.m.jsonStructs = map[string]bool{}
	}
	if !f.m.jsonStructs[cls] {
		f.m.jsonStructs[cls] = true
		f.m.jsonAt = append(f.m.jsonAt, jsonPending{st, cls, at, f, lenient})
	}
}

// jsonEveryStruct: an interface may hold a value of any struct type of the
// program's, which is encoded by its class's go_json: every package-level,
// non-generic struct type gets one, leniently, and every anonymous struct type
// that has a class.
func (f *fn) jsonEveryStruct(at ast.Node) {
	var objs []*types.TypeName
	for obj := range f.m.types {
		objs = append(objs, obj)
	}
	sort.Slice(objs, func(i, j int) bool { return objs[i].Pos() < objs[j].Pos() })
	for _, obj := range objs {
		if named, ok := obj.Type().(*types.Named); ok && named.TypeParams().Len() == 0 && f.m.localGeneric[obj] == nil {
			f.jsonRemember(named.Underlying().(*types.Struct), f.m.globals[obj], at, true)
		}
	}
	// and its anonymous struct types' classes: var v any = struct{ A int }{1}
	var anon []*types.Struct
	for st := range f.m.anon {
		anon = append(anon, st)
	}
	sort.Slice(anon, func(i, j int) bool { return f.m.anon[anon[i]] < f.m.anon[anon[j]] })
	for _, st := range anon {
		f.jsonRemember(st, f.m.anon[st], at, true)
	}
}

// jsonPending: a struct type a descriptor named, whose go_json is still to write.
type jsonPending struct {
	st      *types.Struct
	cls     string
	at      ast.Node
	f       *fn
	lenient bool
}

// jsonField: one field encoding/json sees in a struct, maybe promoted from an
// embedded struct (path: the Python attributes that reach it).
type jsonField struct {
	path      []string
	key       string
	tagged    bool
	depth     int
	omitEmpty bool
	omitZero  bool
	quoted    bool
	typ       types.Type
}

// jsonFieldsOf: the fields encoding/json encodes of struct st, in their order:
// exported fields under their json tag's name or their own, an embedded struct's
// fields promoted (the shallowest, then the tagged one, wins a name; a tie drops
// it), a field tagged "-" left out.
// A field's path is Python: each attribute's name quoted, or for an embedded
// pointer ("Base", Base, "main.Base"), the class Unmarshal makes one of where it
// is nil (None for an unexported type, which Go cannot set either); cls gives a
// struct type's class, or "". embeddedPointer: a pointer to a struct of no
// class, which simlab cannot follow.
func jsonFieldsOf(st *types.Struct, cls func(types.Type) string) (fields []jsonField, embeddedPointer bool) {
	var all []jsonField
	var walk func(st *types.Struct, path []string, depth int, seen map[*types.Struct]bool)
	walk = func(st *types.Struct, path []string, depth int, seen map[*types.Struct]bool) {
		if seen[st] {
			return
		}
		seen[st] = true
		for i := 0; i < st.NumFields(); i++ {
			fld := st.Field(i)
			tag, hasTag := reflect.StructTag(st.Tag(i)).Lookup("json")
			if tag == "-" {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			at := append(append([]string(nil), path...), pyString(fieldName(fld.Name())))
			if fld.Embedded() && name == "" {
				if inner, ok := fld.Type().Underlying().(*types.Struct); ok {
					walk(inner, at, depth+1, seen)
					continue
				}
				if ptr, ok := fld.Type().Underlying().(*types.Pointer); ok && isStructType(ptr.Elem()) {
					n, named := types.Unalias(ptr.Elem()).(*types.Named)
					if !named || cls(n) == "" {
						if exportedFields(ptr.Elem().Underlying().(*types.Struct)) {
							embeddedPointer = true // the library's, whose fields simlab does not keep
						}
						continue // *sync.Mutex: nothing encoding/json sees
					}
					maker := cls(n)
					if !n.Obj().Exported() {
						maker = "None" // Go cannot set it: Unmarshal's error where it is nil
					}
					at[len(at)-1] = "(" + pyString(fieldName(fld.Name())) + ", " + maker + ", " + pyString(reflectType(n)) + ")"
					walk(ptr.Elem().Underlying().(*types.Struct), at, depth+1, seen)
					continue
				}
			}
			if !fld.Exported() {
				continue
			}
			jf := jsonField{path: at, key: fld.Name(), tagged: hasTag && name != "", depth: depth, typ: fld.Type()}
			if name != "" {
				jf.key = name
			}
			for _, o := range strings.Split(opts, ",") {
				switch o {
				case "omitempty":
					jf.omitEmpty = true
				case "omitzero":
					jf.omitZero = true
				case "string":
					jf.quoted = true
				}
			}
			all = append(all, jf)
		}
		delete(seen, st)
	}
	walk(st, nil, 0, map[*types.Struct]bool{})
	byKey := map[string][]int{}
	for i, jf := range all {
		byKey[jf.key] = append(byKey[jf.key], i)
	}
	keep := map[int]bool{}
	for _, idx := range byKey {
		sort.SliceStable(idx, func(a, b int) bool { return all[idx[a]].depth < all[idx[b]].depth })
		var best []int
		for _, i := range idx {
			if all[i].depth == all[idx[0]].depth {
				best = append(best, i)
			}
		}
		if len(best) > 1 {
			var tagged []int
			for _, i := range best {
				if all[i].tagged {
					tagged = append(tagged, i)
				}
			}
			best = tagged
		}
		if len(best) == 1 {
			keep[best[0]] = true
		}
	}
	for i, jf := range all {
		if keep[i] {
			fields = append(fields, jf)
		}
	}
	return fields, embeddedPointer
}

// jsonFields writes each remembered struct type's go_json, the fields of its
// descriptor, after the functions, where every class they name is defined.
func (m *module) jsonFields() {
	if !m.jsonUsed {
		return
	}
	m.emit("")
	m.emit("")
	m.emit("# encoding/json's view of the structs: each field's attributes, key, omitempty,")
	m.emit("# omitzero, ,string and type")
	for i := 0; i < len(m.jsonAt); i++ { // jsonType appends the structs the fields name
		pending := m.jsonAt[i]
		fields, embeddedPointer := jsonFieldsOf(pending.st, func(t types.Type) string {
			if n, ok := types.Unalias(t).(*types.Named); ok && m.types[n.Obj()] && m.localGeneric[n.Obj()] == nil {
				return m.globals[n.Obj()]
			}
			return ""
		})
		if embeddedPointer {
			if !pending.lenient {
				m.p.unsupported(pending.at, "encoding/json of a struct embedding a pointer to a struct of no class ("+pending.cls+")", "an embedded struct value, or a named field")
			}
			m.emit("%s.go_json = None  # it embeds a pointer to a struct of no class", pending.cls)
			continue
		}
		m.emit("%s.go_json = (", pending.cls)
		m.jsonClass = nil
		if tn := m.classOf(pending.cls); tn != nil && tn.Type().(*types.Named).TypeParams().Len() > 0 {
			m.jsonClass = tn // its fields of type T are ("param", "T")
		}
		for _, jf := range fields {
			path := "(" + strings.Join(jf.path, ", ") + ")"
			if len(jf.path) == 1 {
				path = "(" + jf.path[0] + ",)"
			}
			m.emit("    (%s, %s, %s, %s, %s, %s),", path, pyString(jf.key),
				pyBool(jf.omitEmpty), pyBool(jf.omitZero), pyBool(jf.quoted), pending.f.jsonDesc(pending.at, jf.typ, pending.lenient))
		}
		m.jsonClass = nil
		m.emit(")")
	}
	// an interface may hold a value of any of them: how it marshals itself
	var marshalers []*types.TypeName
	for obj := range m.types {
		marshalers = append(marshalers, obj)
	}
	for obj := range m.basics {
		marshalers = append(marshalers, obj)
	}
	sort.Slice(marshalers, func(i, j int) bool { return marshalers[i].Pos() < marshalers[j].Pos() })
	for _, obj := range marshalers {
		if n, ok := obj.Type().(*types.Named); ok && n.TypeParams().Len() == 0 && m.localGeneric[obj] == nil {
			if marshal, _, _ := jsonMethods(n); marshal != "" {
				m.emit("%s.go_marshal = %s  # its MarshalJSON or MarshalText (*: a pointer method)", m.globals[obj], pyString(marshal))
			}
		}
	}
}

// classOf: the struct type of the program whose class is cls, or nil.
func (m *module) classOf(cls string) *types.TypeName {
	for obj := range m.types {
		if m.globals[obj] == cls {
			return obj
		}
	}
	return nil
}

func pyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

func isStructType(t types.Type) bool {
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// isRawMessage: t is json.RawMessage (in Go 1.27 an alias of jsontext.Value).
func isRawMessage(t types.Type) bool {
	u := types.Unalias(t)
	return isNamed(u, "encoding/json", "RawMessage") || isNamed(u, "encoding/json/jsontext", "Value")
}

// exportedFields: st has a field encoding/json could see.
func exportedFields(st *types.Struct) bool {
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i).Exported() {
			return true
		}
	}
	return false
}
