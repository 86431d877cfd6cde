package procurement.review.core.importer.internal.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8, but reads each byte that is not valid UTF-8 as Windows-1252 instead of failing or replacing it
 * with U+FFFD. Files assembled from several exports (one in UTF-8, an appended one in Windows-1252) are common, and
 * a vendor name like "SOCIÉTÉ" must survive either way. The JDK decoder does the fast work; only the invalid bytes
 * take the slow path.
 */
final class LenientUtf8Reader extends Reader {

    static final char[] CP1252 = cp1252Table();

    private final InputStream in;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private boolean eof;
    private boolean flushed;
    private long fallbackBytes;
    private long firstFallbackOffset = -1;
    private long bytesRead;
    private final long startOffset;

    LenientUtf8Reader(InputStream in, long startOffset) {
        this.in = in;
        this.startOffset = startOffset;
    }

    /** @return the file offset of the first byte read as Windows-1252, -1 if none */
    long firstFallbackOffset() {
        return firstFallbackOffset;
    }

    /** @return how many bytes so far were not valid UTF-8 and were read as Windows-1252 */
    long fallbackBytes() {
        return fallbackBytes;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (out.position() == off) {
            if (flushed) {
                return -1;
            }
            CoderResult result = decoder.decode(bytes, out, eof);
            if (result.isError()) {
                if (firstFallbackOffset < 0) {
                    firstFallbackOffset = startOffset + bytesRead - bytes.remaining();
                }
                for (int i = result.length(); i > 0 && out.hasRemaining(); i--) {
                    out.put(CP1252[bytes.get() & 0xFF]);
                    fallbackBytes++;
                }
            } else if (result.isOverflow()) {
                break;
            } else if (eof) {
                decoder.flush(out);
                flushed = true;
            } else {
                fill();
            }
        }
        int n = out.position() - off;
        return n == 0 && flushed ? -1 : n;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytesRead += n;
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private static char[] cp1252Table() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        char[] table = new String(all, java.nio.charset.Charset.forName("windows-1252")).toCharArray();
        for (int i = 0; i < 256; i++) {
            if (table[i] == '\uFFFD') {
                table[i] = (char) i; // the five undefined code points: keep the byte value as Latin-1 does
            }
        }
        return table;
    }
}
