import Testing
@testable import KQLSyntax

/// The seed document's `| python(...)` forms and ADX's `evaluate python(...)`.
@Suite struct PythonPluginTests {
    func evaluate(_ text: String) throws -> EvaluateSyntax? {
        let script = try Parser.parse(text)
        guard case .query(.pipeline(_, let ops, _)) = script.statements.last, case .evaluate(let e) = ops.last?.kind
        else { return nil }
        return e
    }

    func string(_ e: ExpressionSyntax?) -> String? {
        if case .literal(.string(let s), _, _)? = e { return s }
        return nil
    }

    @Test func seedInlineBacktickForm() throws {
        let text = """
            let data = range x from 1 to 100 step 1;
            data
            | python()
            ```python
            result = df
            result["x2"] = df["x"] * 2
            result["x3"] = df["x"] * 3
            ```
            """
        let e = try #require(try evaluate(text))
        #expect(e.inlineForm)
        #expect(e.plugin.name == "python")
        #expect(e.arguments.isEmpty)
        #expect(string(e.inlineCode) == "result = df\nresult[\"x2\"] = df[\"x\"] * 2\nresult[\"x3\"] = df[\"x\"] * 3\n")
    }

    @Test func seedTimeSeriesExample() throws {
        let text = """
            let timeData = Events
            | where Timestamp >= ago(1d)
            | project Timestamp, Value;
            timeData
            | python()
            ```python
            import pandas as pd
            df = df.set_index('Timestamp')
            result = df.reset_index()
            ```
            """
        let script = try Parser.parse(text)
        #expect(script.statements.count == 2)
        let e = try #require(try evaluate(text))
        #expect(string(e.inlineCode)?.hasPrefix("import pandas as pd\n") == true)
    }

    @Test func seedScriptArgumentForm() throws {
        let text = """
            let trainingData = Events
            | where Timestamp < ago(7d) and Timestamp >= ago(14d)
            | project Feature1, Feature2, Feature3, Label;
            let testData = Events
            | where Timestamp >= ago(7d)
            | project Feature1, Feature2, Feature3;
            trainingData
            | python(script=r'''
            from sklearn.ensemble import RandomForestClassifier
            import pandas as pd

            # Split into features and label
            X_train = df.drop('Label', axis=1)
            y_train = df['Label']
            result = pd.DataFrame()
            ''')
            | limit 0; // No output needed for training

            testData
            | python(script=r'''
            import pandas as pd
            predictions = model.predict_proba(X_test)[:, 1]  # Probability of positive class
            result = df.copy()
            result['PredictedProbability'] = predictions
            ''')
            """
        let script = try Parser.parse(text)
        #expect(script.statements.count == 4)
        guard case .query(.pipeline(_, let ops, _)) = script.statements[2], case .evaluate(let first) = ops[0].kind
        else {
            Issue.record("third statement is not trainingData | python(...)"); return
        }
        #expect(first.inlineForm)
        #expect(first.arguments.map { $0.name?.name } == ["script"])
        #expect(string(first.arguments[0].value)?.contains("X_train = df.drop('Label', axis=1)\n") == true)
        if case .take = ops[1].kind {} else { Issue.record("limit 0 missing") }
        let last = try #require(try evaluate(text))
        #expect(string(last.arguments[0].value)?.hasPrefix("\nimport pandas as pd\n") == true)
        #expect(last.inlineCode == nil)
    }

    @Test func seedSyntaxWithAllParameters() throws {
        let e = try #require(try evaluate("T | python(kickout=2000, script=r'''result = df''', sandbox=ml)"))
        #expect(e.arguments.map { $0.name?.name } == ["kickout", "script", "sandbox"])
        #expect(dump(e) == "evaluate[inline] python(kickout=2000, script='result = df', sandbox=ml)")
        let quoted = try #require(try evaluate("T | python(sandbox='ml', script=r\"result = df\")"))
        #expect(dump(quoted) == "evaluate[inline] python(sandbox='ml', script='result = df')")
    }

    @Test func seedFormWithoutInputTable() throws {
        let script = try Parser.parse("python()\n```python\nresult = pd.DataFrame({'a': [1]})\n```")
        guard case .query(.source(let s)) = script.statements[0], case .evaluate(let e) = s.kind else {
            Issue.record("not an evaluate source"); return
        }
        #expect(e.inlineForm)
        #expect(string(e.inlineCode) == "result = pd.DataFrame({'a': [1]})\n")
    }

    @Test func adxEvaluateForm() throws {
        let text = """
            range x from 1 to 360 step 1
            | evaluate python(
            //
            typeof(*, fx:double),               //  Output schema: append a new fx column to original table
            ```
            result = df
            n = df.shape[0]
            g = kargs["gain"]
            f = kargs["cycles"]
            result["fx"] = g * np.sin(df["x"]/n*2*np.pi*f)
            ```
            , bag_pack('gain', 100, 'cycles', 4)    //  dictionary of parameters
            )
            | render linechart
            """
        let script = try Parser.parse(text)
        guard case .query(.pipeline(let source, let ops, _)) = script.statements[0], case .evaluate(let e) = ops[0].kind
        else {
            Issue.record("not a pipeline with evaluate"); return
        }
        #expect(dump(source) == "range x from 1 to 360 step 1")
        #expect(!e.inlineForm)
        #expect(e.arguments.count == 3)
        #expect(dump(e.arguments[0]) == "typeof(*, fx:real)")
        #expect(
            string(e.arguments[1].value)
                == "\nresult = df\nn = df.shape[0]\ng = kargs[\"gain\"]\nf = kargs[\"cycles\"]\nresult[\"fx\"] = g * np.sin(df[\"x\"]/n*2*np.pi*f)\n"
        )
        #expect(dump(e.arguments[2]) == "bag_pack('gain', 100, 'cycles', 4)")
        #expect(dump(ops[1]) == "render linechart")
    }

    @Test func adxHintsAndNamedArguments() throws {
        let e = try #require(
            try evaluate(
                "T | evaluate hint.distribution = per_node python(typeof(*), 'result = df', external_artifacts = bag_pack('a', 'b'))"
            ))
        #expect(
            dump(e)
                == "evaluate hint.distribution=per_node python(typeof(*), 'result = df', external_artifacts=bag_pack('a', 'b'))"
        )
    }
}
