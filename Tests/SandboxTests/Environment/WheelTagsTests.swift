import Testing
@testable import Sandbox

@Suite struct WheelTagsTests {
    let platform = "manylinux_2_28_x86_64"

    @Test(arguments: [
        "numpy-1.26.4-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
        "pytz-2026.6-py2.py3-none-any.whl",
        "pyarrow-15.0.2-cp311-cp311-manylinux_2_28_x86_64.whl",
        "cryptography-42.0.0-cp39-abi3-manylinux_2_28_x86_64.whl",
        "foo-1.0-1-py3-none-any.whl",
    ])
    func accepts(_ file: String) throws {
        let tags = try #require(WheelTags(fileName: file))
        #expect(tags.incompatibility(target: .embedded, platform: platform) == nil)
    }

    @Test(arguments: [
        ("numpy-2.0-cp312-cp312-manylinux_2_17_x86_64.whl", "Python"),
        ("numpy-2.0-cp311-cp311-win_amd64.whl", "platform"),
        ("numpy-2.0-cp311-cp311-macosx_11_0_arm64.whl", "platform"),
        ("numpy-2.0-cp311-cp311-manylinux_2_17_aarch64.whl", "platform"),
        ("numpy-2.0-cp311-cp311-musllinux_1_1_x86_64.whl", "platform"),
        ("numpy-2.0-cp311-cp311-manylinux_2_34_x86_64.whl", "platform"),
        ("numpy-2.0-cp311-cp311-linux_x86_64.whl", "platform"),
        ("foo-1.0-py2-none-any.whl", "Python"),
        ("foo-1.0-cp312-abi3-manylinux_2_17_x86_64.whl", "Python"),
    ])
    func refuses(file: String, reason: String) throws {
        let tags = try #require(WheelTags(fileName: file))
        let why = try #require(tags.incompatibility(target: .embedded, platform: platform))
        #expect(why.contains(reason))
    }

    @Test func notAWheelName() {
        #expect(WheelTags(fileName: "numpy.zip") == nil)
        #expect(WheelTags(fileName: "numpy-1.0.whl") == nil)
    }

    @Test func pipPlatformsCoverLegacyAliases() {
        let p = WheelTags.pipPlatforms(upTo: platform, architecture: "x86_64")
        #expect(p.contains("manylinux2014_x86_64"))
        #expect(p.contains("manylinux_2_28_x86_64"))
        #expect(!p.contains("manylinux_2_29_x86_64"))
    }
}
