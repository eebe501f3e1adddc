import Columnar

extension Column {
    /// KQL strings have no null: a missing string (an outer join's padding, a union leg without the
    /// column) is the empty string. Null rows of a string column already hold no bytes, so dropping
    /// the validity bitmap is enough.
    var withEmptyStringsForNulls: Column {
        guard type == .string, validity != nil else { return self }
        return Column(type: .string, count: count, validity: nil, values: values, data: data)
    }
}
