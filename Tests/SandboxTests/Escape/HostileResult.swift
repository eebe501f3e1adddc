import Foundation
@testable import Sandbox

/// Python helpers for scripts that attack the engine through what they hand back: they find the
/// result memfd and the reply socket among their own fds, write a forged SharedTable into the region
/// (the layout of `SharedTableLayout`, written by hand) and send forged reply frames.
enum HostileResult {
    static let prelude = #"""
        import os, struct, json, mmap, time, random, fcntl
        def _find():
            out = sock = None
            for f in os.listdir('/proc/self/fd'):
                try:
                    t = os.readlink('/proc/self/fd/' + f)
                except OSError:
                    continue
                if 'memfd:sandpiper-pool' in t:
                    out = int(f)
                elif t.startswith('socket:'):
                    sock = int(f)
            return out, sock
        OUT, SOCK = _find()
        assert OUT is not None and SOCK is not None, 'the result memfd or the reply socket was not found'
        CODES = {'bool': 1, 'int': 2, 'long': 3, 'real': 4, 'decimal': 5, 'datetime': 6, 'timespan': 7, 'guid': 8, 'string': 9, 'dynamic': 10}

        def header(rows, ncols, total):
            return struct.pack('<4sIqqq32x', b'SPT1', 2, rows, ncols, total)

        def desc(code, name, nulls=0, validity=(0, 0), values=(0, 0), data=(0, 0), blocks=(0, 0, 0)):
            return struct.pack('<B7x9q3I4x', code, name[0], name[1], nulls, validity[0], validity[1],
                               values[0], values[1], data[0], data[1], *blocks)

        def region(data, size=None):
            """The result memfd, `size` bytes long, holding `data` from offset 0."""
            os.ftruncate(OUT, size if size is not None else max(len(data), 4096))
            os.pwrite(OUT, data, 0)

        def frame(payload):
            os.write(SOCK, struct.pack('<I', len(payload)) + payload)

        def reply(result_bytes, stdout='', failure=None):
            r = {'resultBytes': result_bytes, 'stdout': stdout, 'stderr': '', 'timings': {}}
            if failure is not None:
                r['failure'] = failure
            frame(json.dumps(r).encode())

        def long_table(values, name=b'x'):
            """A well-formed one-column long table: header, descriptor, name, values."""
            n = len(values)
            name_at = 64 + 96
            values_at = (name_at + len(name) + 63) // 64 * 64
            total = (values_at + 8 * n + 63) // 64 * 64
            body = header(n, 1, total) + desc(CODES['long'], (name_at, len(name)), values=(values_at, 8 * n)) + name
            body = body.ljust(values_at, b'\0') + struct.pack('<%dq' % n, *values)
            return body.ljust(total, b'\0')

        def string_table(offsets, data, name=b's', rows=None):
            """A one-column string table with the given offsets (rows + 1 of them) and UTF-8 bytes."""
            n = len(offsets) - 1 if rows is None else rows
            name_at = 64 + 96
            values_at = (name_at + len(name) + 63) // 64 * 64
            data_at = (values_at + 8 * len(offsets) + 63) // 64 * 64
            total = (data_at + len(data) + 63) // 64 * 64
            body = header(n, 1, total) + desc(CODES['string'], (name_at, len(name)), values=(values_at, 8 * len(offsets)),
                                              data=(data_at, len(data))) + name
            body = body.ljust(values_at, b'\0') + struct.pack('<%dq' % len(offsets), *offsets)
            body = body.ljust(data_at, b'\0') + data
            return body.ljust(total, b'\0')

        """#
}
