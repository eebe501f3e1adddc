import Foundation
import Testing

/// The `python3.11.7-dl` sandbox (PyTorch beside TensorFlow) builds from its committed lock and runs both.
/// It is several GB, so the test runs only when `SANDPIPER_TEST_DL_SANDBOX=1` asks for it.
@Suite(
    .serialized,
    .enabled(
        if: ProcessInfo.processInfo.environment["SANDPIPER_TEST_DL_SANDBOX"] == "1",
        "building the DL sandbox downloads several GB; set SANDPIPER_TEST_DL_SANDBOX=1 to run it"))
struct DLSandboxTests {
    @Test func theDLSandboxBuildsAndRunsTorchAndTensorFlow() throws {
        let build = try SandpiperBinary.run(
            ["sandbox", "build", "sandboxes/python3.11.7-dl.toml", "--frozen", "--if-needed", "--quiet"],
            in: SandpiperBinary.packageRoot.path, environment: TestSandboxes.environment)
        #expect(build.status == 0, "\(build.stdout)\n\(build.stderr)")
        let script = """
            import torch, tensorflow as tf
            t = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
            result = pd.DataFrame({"torch": [float((t @ t).sum())], "tf": [float(tf.reduce_sum(tf.constant([1.0, 2.0])))], "cuda": [torch.cuda.is_available()]})
            """
        let r = try SandpiperBinary.run(
            ["query", "--format", "csv", "print a = 1 | python(sandbox='python3.11.7-dl', script=r'''\(script)''')"],
            environment: TestSandboxes.environment)
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        // [[1,2],[3,4]] squared is [[7,10],[15,22]], which sums to 54; the sandbox sees no GPU.
        #expect(r.stdout == "torch,tf,cuda\n54,3,false\n", "\(r.stdout)\n\(r.stderr)")
    }
}
