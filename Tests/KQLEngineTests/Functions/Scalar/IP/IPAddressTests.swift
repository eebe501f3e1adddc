import Testing
@testable import KQLEngine

/// The address parsers behind the IP family: RFC 4291 text forms, IPv4 prefixes and the IPv4-mapped reading.
@Suite struct IPAddressTests {
    @Test func ipv4() {
        #expect(IPv4Address("192.168.1.1/24") == IPv4Address(bits: 0xC0A8_0101, prefix: 24))
        #expect(IPv4Address(" 10.0.0.1 ")?.prefix == 32)
        for bad in [
            "1.2.3", "1.2.3.4.5", "256.0.0.1", "1.2.3.4/33", "1.2.3.4/", "1..3.4", "01234.1.1.1", "a.b.c.d", "",
        ] {
            #expect(IPv4Address(bad) == nil, "\(bad)")
        }
        #expect(IPv4Address.mask(0) == 0 && IPv4Address.mask(32) == .max && IPv4Address.mask(8) == 0xFF00_0000)
    }

    @Test func ipv6TextForms() {
        let full = IPv6Address("fe80:0:0:0:85d:e82c:9446:7994")
        #expect(full != nil && full == IPv6Address("fe80::85d:e82c:9446:7994"))
        #expect(IPv6Address("::")?.bits == 0)
        #expect(IPv6Address("::1")?.bits == 1)
        #expect(IPv6Address("1::")?.bits == UInt128(1) << 112)
        #expect(IPv6Address("fe80::1/64")?.prefix == 64)
        for bad in ["1::2::3", "12345::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "::g", "fe80::1/129", ":::"] {
            #expect(IPv6Address(bad) == nil, "\(bad)")
        }
    }

    /// IPv4 text and a dotted quad after zeros are the IPv4-mapped address, with the prefix counting IPv4 bits.
    @Test func ipv4InIPv6() {
        let mapped = UInt128(0xFFFF_C0A8_0101)
        #expect(IPv6Address("192.168.1.1") == IPv6Address(bits: mapped, prefix: 128))
        #expect(IPv6Address("::192.168.1.1/30") == IPv6Address(bits: mapped, prefix: 126))
        #expect(IPv6Address("::ffff:192.168.1.1")?.bits == mapped)
        #expect(IPv6Address("::ffff:c0a8:101")?.bits == mapped)
        #expect(IPv6Address.canonical(mapped) == "0000:0000:0000:0000:0000:ffff:c0a8:0101")
    }

    @Test func cidrList() {
        #expect(
            IPFunctions.cidrList(from: 0x0101_8000, to: 0x0101_8CFF) == [
                "1.1.128.0/21", "1.1.136.0/22", "1.1.140.0/24",
            ])
        #expect(IPFunctions.cidrList(from: 5, to: 4).isEmpty)
        #expect(IPFunctions.cidrList(from: 0xFFFF_FFFF, to: 0xFFFF_FFFF) == ["255.255.255.255/32"])
    }
}
