// swift-tools-version:6.1
// Sandpiper: a local KQL engine whose python() plugin runs scripts in sandboxed workers.
// Targets follow the layers of docs/architecture.md; imports point one way:
// SystemCalls (the one seam over Linux: every libc/syscall the layers make) ◄ Columnar, and ◄ every other target
// that talks to the kernel (SharedTable, PythonHost, Sandbox, the executables).
// Columnar ◄ KQLSyntax ◄ KQLEngine ◄ Conformance ◄ sandpiper;  SeriesAnalysis ◄ KQLEngine;  Charts ◄ KQLEngine (render is checked and reported)
// Columnar ◄ SharedTable ◄ PythonHost ◄ sandpiper-worker;  SharedTable ◄ Sandbox ◄ sandpiper, sandpiper-probe
// KQLEngine, Sandbox ◄ PythonPlugin (the python() plugin and "an engine with its plugins") ◄ sandpiper
// Columnar, SystemCalls, Charts ◄ Bench (clock, runs, reports, its plot drawn by Charts) ◄ sandpiper-worker;  Bench, KQLEngine, Sandbox ◄ Benchmarks ◄ sandpiper
// KQLEngine, Conformance, PythonPlugin, Charts ◄ Server (`sandpiper serve`: the Kusto REST endpoint on Hummingbird/SwiftNIO,
//   and the client of any Kusto endpoint for `--target`) ◄ sandpiper
// Columnar ◄ FileFormats (Parquet files read and written) ◄ KQLEngine (folder tables, `.export`), Fuzzing
// Columnar ◄ Charts (the chart model, SVG and Vega-Lite from a result table and a `render` request)
// Geospatial (S2, H3, geohash, GeoJSON; over the CS2/CGeographicLib shims and CGEOS) ◄ KQLEngine (the geo_* functions).
// SeriesAnalysis (the series_* algorithms, HyperLogLog, t-digest) uses only Columnar's error protocol ◄ KQLEngine
// (the series_* functions and the sketches).
// KQLEngine, Conformance, SharedTable, Sandbox, FileFormats ◄ Fuzzing ◄ sandpiper-fuzz
// KQLEngine, Charts, PythonPlugin, Sandbox, CLibEdit ◄ Shell (`sandpiper shell`, the REPL) ◄ sandpiper
// Columnar, KQLEngine ◄ Documentation (the docs/ pages compiled in, for `sandpiper help`) ◄ sandpiper
import PackageDescription

// Release builds keep Swift's overflow and bounds checks (no -Ounchecked): a query must never turn an
// overflow into a wrapped value or an out-of-bounds read. Hot loops that drop a check say why it holds.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6)
]

let package = Package(
    name: "Sandpiper",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sandpiper", targets: ["sandpiper"]),
        .executable(name: "sandpiper-worker", targets: ["sandpiper-worker"]),
        .executable(name: "sandpiper-probe", targets: ["sandpiper-probe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        // The HTTP server under `sandpiper serve` (SwiftNIO underneath); its optional traits
        // (swift-configuration, full Foundation) are not needed.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        // The channel handler that sees a client's connection close (Hummingbird runs on SwiftNIO).
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        // Hummingbird's header types (HTTPField names), which it does not re-export.
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
        // The logger Hummingbird reports through (its level is the server's to choose).
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        // TLS for `sandpiper serve --tls-cert/--tls-key` (Hummingbird's TLS channel is built on it).
        .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6"),
    ],
    targets: [
        // System libraries (Debian: libpython3-dev, libarchive-dev, libseccomp-dev, libre2-dev).
        .systemLibrary(
            name: "CPython", path: "Sources/CPython", pkgConfig: "python3-embed",
            providers: [.apt(["libpython3-dev"])]),
        .systemLibrary(
            name: "CArchive", path: "Sources/CArchive", pkgConfig: "libarchive",
            providers: [.apt(["libarchive-dev"])]),
        .systemLibrary(
            name: "CSeccomp", path: "Sources/CSeccomp", pkgConfig: "libseccomp",
            providers: [.apt(["libseccomp-dev"])]),
        // KQL's regular expressions: a C API over RE2 (Debian: libre2-dev), linear time by construction.
        .target(name: "CRE2", linkerSettings: [.linkedLibrary("re2")]),

        // Line editing, history and completion for `sandpiper shell` (Debian: libedit-dev), through a small C API.
        .target(name: "CLibEdit", linkerSettings: [.linkedLibrary("edit")]),
        // gzip/zlib for KQL's *_compress_to_base64_string functions (Debian: zlib1g-dev).
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // zstd for Parquet pages (Debian: libzstd-dev).
        .systemLibrary(name: "CZstd", path: "Sources/CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(
            name: "CGEOS", path: "Sources/CGEOS", pkgConfig: "geos",
            providers: [.apt(["libgeos-dev"])]),
        // C++ shims with a C API over Debian's libs2-dev (Google S2) and libgeographiclib-dev.
        .target(
            name: "CS2", path: "Sources/CS2",
            cxxSettings: [.unsafeFlags(["-Wno-deprecated-declarations"])],
            linkerSettings: [
                .linkedLibrary("s2"), .linkedLibrary("absl_log_severity"),
                .linkedLibrary("absl_raw_logging_internal"), .linkedLibrary("stdc++"),
            ]),
        .target(
            name: "CGeographicLib", path: "Sources/CGeographicLib",
            linkerSettings: [.linkedLibrary("GeographicLib"), .linkedLibrary("stdc++")]),

        // The one system-call seam: every Linux call of the layers above, one error shape, one clock.
        .target(name: "SystemCalls", swiftSettings: swiftSettings),
        .target(name: "Columnar", dependencies: ["SystemCalls"], swiftSettings: swiftSettings),
        .target(name: "Charts", dependencies: ["Columnar"], swiftSettings: swiftSettings),
        // Parquet and Arrow IPC files ↔ tables (readers and writer written from the specifications).
        .target(name: "FileFormats", dependencies: ["Columnar", "CZlib", "CZstd"], swiftSettings: swiftSettings),
        .target(name: "Geospatial", dependencies: ["CS2", "CGeographicLib", "CGEOS"], swiftSettings: swiftSettings),
        .target(name: "SeriesAnalysis", dependencies: ["Columnar"], swiftSettings: swiftSettings),
        .target(name: "KQLSyntax", dependencies: ["Columnar"], swiftSettings: swiftSettings),
        .target(
            name: "KQLEngine",
            dependencies: [
                "Columnar", "KQLSyntax", "SystemCalls", "Charts", "CRE2", "CZlib", "Geospatial", "SeriesAnalysis",
                "FileFormats",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings),
        .target(
            name: "Conformance", dependencies: ["Columnar", "KQLSyntax", "KQLEngine", "Charts", "TOMLKit"],
            swiftSettings: swiftSettings),
        .target(name: "SharedTable", dependencies: ["Columnar", "SystemCalls"], swiftSettings: swiftSettings),
        // The C the host needs beyond libpython's API (UTF-8 decoder, huge-page arenas, numpy allocator).
        .target(name: "CPythonSupport", dependencies: ["CPython"]),
        // Its Python (the host helpers, sandbox_utils) is in .py files embedded at build time, so the
        // worker binary stays self-contained.
        .target(
            name: "PythonHost", dependencies: ["Columnar", "SharedTable", "SystemCalls", "CPython", "CPythonSupport"],
            resources: [.embedInCode("Python/host_module.py"), .embedInCode("Python/sandbox_utils.py")],
            swiftSettings: swiftSettings),
        .target(
            name: "Sandbox",
            dependencies: [
                "Columnar", "SharedTable", "SystemCalls", "CArchive", "CSeccomp", "TOMLKit",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings),
        .target(
            name: "PythonPlugin",
            dependencies: ["Columnar", "KQLSyntax", "KQLEngine", "SharedTable", "Sandbox", "SystemCalls"],
            resources: [.embedInCode("Python/debug_loader.py")], swiftSettings: swiftSettings),
        // `sandpiper serve`: the Kusto REST API (v1/v2 query, mgmt, CORS) over an engine with its plugins.
        .target(
            name: "Server",
            dependencies: [
                "Columnar", "KQLSyntax", "KQLEngine", "Conformance", "PythonPlugin", "Sandbox", "Charts",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings),
        // The benchmark harness (clock, runs, medians, checksums, reports, plot): the worker links only this;
        // the measurements that need the engine or the supervisor are in Benchmarks.
        .target(name: "Bench", dependencies: ["Columnar", "SystemCalls", "Charts"], swiftSettings: swiftSettings),
        .target(
            name: "Benchmarks", dependencies: ["Bench", "Columnar", "KQLEngine", "Sandbox"],
            swiftSettings: swiftSettings),
        // `sandpiper shell`: the interactive shell (statements, dot commands, completion, Ctrl-C, charts).
        .target(
            name: "Shell",
            dependencies: [
                "Columnar", "KQLSyntax", "KQLEngine", "Charts", "PythonPlugin", "Sandbox", "SystemCalls", "CLibEdit",
            ],
            swiftSettings: swiftSettings),
        // The docs/ pages compiled in, for `sandpiper help TOPIC` (the binary ships without docs/).
        .target(name: "Documentation", dependencies: ["Columnar", "KQLEngine"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "sandpiper",
            dependencies: [
                "Columnar", "KQLSyntax", "KQLEngine", "Conformance", "SharedTable", "Sandbox",
                "SystemCalls", "Charts", "PythonPlugin", "Bench", "Benchmarks", "Server", "Documentation", "Shell",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "sandpiper-worker",
            dependencies: ["Columnar", "PythonHost", "SharedTable", "Sandbox", "SystemCalls", "Bench"],
            swiftSettings: swiftSettings),
        // Runs a probe under the confinement layers: used by `sandbox doctor` and the confinement tests.
        .executableTarget(name: "sandpiper-probe", dependencies: ["Sandbox"], swiftSettings: swiftSettings),
        // Fuzz targets over everything that reads untrusted input, and the drivers that run them
        // (libFuzzer in the build scripts/fuzz makes; a replay driver in every build, for the tests).
        .target(
            name: "Fuzzing",
            dependencies: [
                "Columnar", "KQLSyntax", "KQLEngine", "Conformance", "SharedTable", "Sandbox", "SystemCalls",
                "CArchive", "FileFormats",
            ],
            swiftSettings: swiftSettings),
        .executableTarget(name: "sandpiper-fuzz", dependencies: ["Fuzzing"], swiftSettings: swiftSettings),

        .testTarget(name: "CRE2Tests", dependencies: ["CRE2"], swiftSettings: swiftSettings),
        .testTarget(name: "SystemCallsTests", dependencies: ["SystemCalls"], swiftSettings: swiftSettings),
        .testTarget(name: "ColumnarTests", dependencies: ["Columnar"], swiftSettings: swiftSettings),
        .testTarget(
            name: "FileFormatsTests", dependencies: ["FileFormats", "Columnar"],
            // The pyarrow/DuckDB helper scripts are run from the tests by path, not built.
            exclude: ["Writers/make_files.py", "Writers/read_back.py", "Writers/requirements.txt"],
            swiftSettings: swiftSettings),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "Columnar"], swiftSettings: swiftSettings),
        .testTarget(
            name: "GeospatialTests", dependencies: ["Geospatial", "Columnar", "KQLEngine"],
            resources: [.copy("Resources")], swiftSettings: swiftSettings),
        .testTarget(name: "SeriesAnalysisTests", dependencies: ["SeriesAnalysis"], swiftSettings: swiftSettings),
        .testTarget(name: "KQLSyntaxTests", dependencies: ["KQLSyntax"], swiftSettings: swiftSettings),
        .testTarget(
            name: "KQLEngineTests", dependencies: ["KQLEngine", "KQLSyntax", "Columnar", "SystemCalls", "Charts"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "ConformanceTests", dependencies: ["Conformance", "KQLEngine"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "SharedTableTests", dependencies: ["SharedTable", "Columnar", "SystemCalls"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "PythonHostTests",
            dependencies: ["PythonHost", "Columnar", "CPython", "SharedTable", "SystemCalls", "Sandbox"],
            swiftSettings: swiftSettings),
        .testTarget(name: "SandboxTests", dependencies: ["Sandbox", "SystemCalls"], swiftSettings: swiftSettings),
        .testTarget(
            name: "FuzzingTests", dependencies: ["Fuzzing", "sandpiper-fuzz", "Columnar", "KQLSyntax"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "PythonPluginTests",
            dependencies: ["PythonPlugin", "Columnar", "KQLSyntax", "KQLEngine", "SharedTable", "Sandbox"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "ShellTests", dependencies: ["Shell", "KQLEngine", "Charts"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ServerTests",
            dependencies: ["Server", "Columnar", "KQLEngine", "PythonPlugin", "Sandbox"],
            // The kqlmagic and azure-kusto-data client scripts are run from the tests by path, not built.
            exclude: ["Clients/azure_kusto_data_check.py", "Clients/kqlmagic_check.py", "Clients/requirements.txt"],
            swiftSettings: swiftSettings),
        .testTarget(name: "DocumentationTests", dependencies: ["Documentation"], swiftSettings: swiftSettings),
        .testTarget(
            name: "sandpiperTests",
            dependencies: ["sandpiper", "Columnar", "KQLSyntax", "KQLEngine", "SharedTable", "Sandbox", "Bench"],
            swiftSettings: swiftSettings),
    ],
    cxxLanguageStandard: .cxx17
)
