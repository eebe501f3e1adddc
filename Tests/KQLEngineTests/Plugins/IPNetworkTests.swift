import Testing
@testable import KQLEngine

@Suite struct IPNetworkTests {
    @Test func readsIPv4AsMappedIPv6() throws {
        let n = try #require(IPNetwork("10.1.2.3/16", ipv4Only: true))
        #expect(n.prefix == 96 + 16)
        #expect(n.address == 0xFFFF_0A01_0000)
        #expect(IPNetwork("10.1.2.3", ipv4Only: true)?.prefix == 128)
    }

    @Test func readsRFC4291TextForms() throws {
        #expect(IPNetwork("::1", ipv4Only: false)?.address == 1)
        #expect(IPNetwork("2001:db8::", ipv4Only: false)?.address == UInt128(0x2001_0db8) << 96)
        #expect(IPNetwork("::ffff:1.2.3.4", ipv4Only: false) == IPNetwork("1.2.3.4", ipv4Only: false))
        #expect(IPNetwork("1:2:3:4:5:6:7:8", ipv4Only: false)?.address == 0x0001_0002_0003_0004_0005_0006_0007_0008)
        #expect(
            IPNetwork("2001:db8::/32", ipv4Only: false)?.range.upperBound == (UInt128(0x2001_0db8) << 96)
                | (UInt128.max >> 32))
    }

    @Test func rejectsWhatIsNotAnAddress() {
        for text in [
            "", "1.2.3", "1.2.3.256", "1.2.3.4/33", "1::2::3", "12345::", "1:2:3:4:5:6:7:8:9", "::1/129", "x",
            "1.2.3.4/-1",
        ] {
            #expect(IPNetwork(text, ipv4Only: false) == nil, "\(text)")
        }
        #expect(IPNetwork("::1", ipv4Only: true) == nil)
    }
}
