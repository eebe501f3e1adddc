import Columnar
import Foundation
import NIOSSL

/// The PEM files `--tls-cert` and `--tls-key` name: the server's certificate chain (its own certificate
/// first, then any intermediates) and its private key. They are read and checked against each other when
/// the server starts, so a wrong file stops it there rather than failing every client's handshake.
public struct TLSFiles: Sendable {
    public var certificateChain: String
    public var privateKey: String

    public init(certificateChain: String, privateKey: String) {
        self.certificateChain = certificateChain; self.privateKey = privateKey
    }

    /// The server side of TLS 1.2 and 1.3 with this chain and key (`E_IO` for a file that cannot be read,
    /// `E_TLS` for one that holds no usable certificate or key, or a key that is not the certificate's).
    func serverConfiguration() throws(ServerError) -> TLSConfiguration {
        for path in [certificateChain, privateKey] where !FileManager.default.isReadableFile(atPath: path) {
            throw ServerError(.io, "cannot read the TLS file '\(path)'", hint: "check the path and its permissions")
        }
        let chain: [NIOSSLCertificate]
        do { chain = try NIOSSLCertificate.fromPEMFile(certificateChain) } catch {
            throw ServerError(.tls, "'\(certificateChain)' holds no PEM certificate (\(error))")
        }
        guard !chain.isEmpty else {
            throw ServerError(.tls, "'\(certificateChain)' holds no PEM certificate (no BEGIN CERTIFICATE block)")
        }
        let key: NIOSSLPrivateKey
        do { key = try NIOSSLPrivateKey(file: privateKey, format: .pem) } catch {
            throw ServerError(
                .tls, "'\(privateKey)' holds no unencrypted PEM private key (\(error))",
                hint: "decrypt it first, e.g. `openssl pkey -in KEY -out plain.pem`")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        // BoringSSL refuses a key that does not belong to the leaf certificate when the context is made.
        do { _ = try NIOSSLContext(configuration: configuration) } catch {
            throw ServerError(
                .tls,
                "the private key '\(privateKey)' does not belong to the certificate in '\(certificateChain)' (\(error))"
            )
        }
        return configuration
    }
}
