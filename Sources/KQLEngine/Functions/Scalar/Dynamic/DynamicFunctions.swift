import Columnar

/// The dynamic family: building, reading and reshaping arrays and property bags. Row kernels are in
/// `ArrayKernels.swift` and `BagKernels.swift`; functions with logic of their own have a file each.
enum DynamicFunctions {
    static let all = FunctionFamily(
        "dynamic",
        [
            .scalar(
                ParseJsonFunction(name: "parse_json"), "A JSON text parsed into a dynamic value.",
                example: "print parse_json('[1, 2, 3]')"),
            .scalar(
                ParseJsonFunction(name: "todynamic"), "Alias of parse_json().", example: "print todynamic('[1, 2]')"),
            .scalar(
                ParseJsonFunction(name: "parsejson"), "Deprecated alias of parse_json().",
                example: "print parsejson('[1, 2]')"),
            .scalar(
                ParseJsonFunction(name: "toobject"), "Deprecated alias of parse_json().",
                example: "print toobject('[1, 2]')"),
            .scalar(
                BagPackFunction(name: "bag_pack"), "A property bag from alternating keys and values.",
                example: "print bag_pack('a', 1, 'b', 'x')"),
            .scalar(BagPackFunction(name: "pack"), "Deprecated alias of bag_pack().", example: "print pack('a', 1)"),
            .scalar(
                BagPackFunction(name: "pack_dictionary"), "Deprecated alias of bag_pack().",
                example: "print pack_dictionary('a', 1)"),
            .scalar(
                ExtractJsonFunction(name: "extract_json"),
                "The element a JSONPath selects in a JSON text, optionally converted to a type.",
                example: "print extract_json('$.a[1]', '{\"a\": [1, 2]}', typeof(long))"),
            .scalar(
                ExtractJsonFunction(name: "extractjson"), "Alias of extract_json().",
                example: "print extractjson('$.a', '{\"a\": \"x\"}')"),
            .row(
                "parse_xml", arity: 1...1, [.string], out: .dynamic, strict: true,
                "An XML text as a dynamic value (attributes as @name, mixed text as #text); null if not well-formed.",
                example: "print parse_xml('<e name=\"v\">text</e>')"
            ) { r in
                .dynamic(ParseXml.parse(r[0].text))
            },
            .row(
                "dynamic_to_json", arity: 1...1, [.any], out: .string, strict: false,
                "A value as canonical JSON text: no whitespace, every bag's keys sorted.",
                example: "print dynamic_to_json(dynamic({'b': 1, 'a': [2, 3]}))"
            ) { r in
                .string(DynamicText.canonicalJSON(r[0]))
            },
            .row(
                "treepath", arity: 1...1, [.dynamic], out: .dynamic, strict: false,
                "The paths of every array and leaf in a dynamic value (array elements as [0]).",
                example: "print treepath(parse_json('{\"a\": \"b\", \"c\": [1, 2]}'))"
            ) { r in
                guard case .dynamic(let d) = r[0] else { return .dynamic(.null) }
                return .dynamic(.array(DynamicText.treePaths(d).map { .string($0) }))
            },
            .scalar(
                ArrayConcatFunction(), "Its array arguments joined into one array.",
                example: "print array_concat(dynamic([1, 2]), dynamic([3]))"),
            .scalar(
                ArraySliceFunction(),
                "The elements of an array between two indices (inclusive; negative counts from the end).",
                example: "print array_slice(dynamic([1, 2, 3, 4]), 1, 2)"),
            .scalar(
                ArraySplitFunction(), "An array cut at given indices into an array of arrays.",
                example: "print array_split(dynamic([1, 2, 3, 4]), 2)"),
            .scalar(
                ArrayIffFunction(name: "array_iff"),
                "Element-wise iff over a condition array and two value arrays or scalars.",
                example: "print array_iff(dynamic([true, false]), dynamic([1, 2]), dynamic([3, 4]))"),
            .scalar(
                ArrayIffFunction(name: "array_iif"), "Alias of array_iff().",
                example: "print array_iif(dynamic([true, false]), 1, 0)"),
            .scalar(
                BagMergeFunction(), "Property bags merged into one; the first bag to hold a key wins.",
                example: "print bag_merge(dynamic({'a': 1}), dynamic({'b': 2}))"),
            .scalar(
                BagZipFunction(), "A property bag from an array of keys and an array of values.",
                example: "print bag_zip(dynamic(['a', 'b']), dynamic([1, 2]))"),
            .scalar(
                SetOperationFunction.setUnion, "The distinct elements of all the arrays given.",
                example: "print set_union(dynamic([1, 2]), dynamic([2, 3]))"),
            .scalar(
                SetOperationFunction.setIntersect, "The distinct elements present in every array given.",
                example: "print set_intersect(dynamic([1, 2]), dynamic([2, 3]))"),
            .scalar(
                ZipFunction(), "Arrays combined element by element into an array of arrays.",
                example: "print zip(dynamic([1, 2]), dynamic(['a', 'b']))"),
            .scalar(
                RepeatFunction(), "A dynamic array of a value repeated a number of times.",
                example: "print repeat(1, 3)"),
            .scalar(
                RangeArrayFunction(), "An array of values from a start to a stop by a step.",
                example: "print range(1, 5, 2)"),
        ] + arrayKernels + bagKernels)
}
