package org.dhrtracker.tabular;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of delimited text as RFC 4180 (and a spreadsheet saving CSV or tab-separated text) writes
 * them: a cell that starts with a quote runs to the closing quote, across line ends, with {@code ""}
 * for a quote; elsewhere a quote is text. A line ends at LF, CR LF or CR. Rows are numbered as a
 * spreadsheet shows them; blank rows are counted, not handed on. A cell is never held beyond
 * {@link TabularReader#MAX_CELL} characters: a longer one is cut there and reported to the
 * handler with its length, so a huge cell costs no memory.
 */
final class DelimitedText {

    private static final int EOF = -1;

    private final Reader in;
    private final char delimiter;
    private final RowHandler handler;
    private final StringBuilder cell = new StringBuilder();
    private long cellLength;
    // Read a block at a time: a Reader's read() of one character takes its lock every time.
    private final char[] buffer = new char[8192];
    private int position;
    private int length;

    private DelimitedText(Reader in, char delimiter, RowHandler handler) {
        this.in = in;
        this.delimiter = delimiter;
        this.handler = handler;
    }

    /**
     * Hands on the non-blank rows.
     *
     * @param firstOnly stop after the first non-blank row
     * @throws UnreadableFileException at a quoted cell that never ends, or text after a closing quote
     */
    static void read(Reader in, char delimiter, RowHandler handler, boolean firstOnly) throws IOException, UnreadableFileException {
        new DelimitedText(in, delimiter, handler).rows(firstOnly);
    }

    private void rows(boolean firstOnly) throws IOException, UnreadableFileException {
        int row = 0;
        List<String> cells = new ArrayList<>();
        int c = read();
        if (c == EOF) {
            return;
        }
        while (c != EOF) {
            row++;
            cells.clear();
            // One row: cells until a line end or the end of the text.
            while (true) {
                c = cell(row, cells.size(), c);
                cells.add(cellText(row, cells.size()));
                if (cells.size() > TabularReader.MAX_COLUMNS) {
                    throw TabularReader.tooWide(row);
                }
                if (c == delimiter) {
                    c = read();
                    continue;
                }
                break;
            }
            if (c == '\r') {
                c = read();
                if (c == '\n') {
                    c = read();
                }
            } else if (c == '\n') {
                c = read();
            }
            if (!TabularReader.isBlank(cells)) {
                handler.row(row, List.copyOf(cells));
                if (firstOnly) {
                    return;
                }
            }
        }
    }

    /** Reads one cell starting with {@code c}; returns the character after it (delimiter, line end or EOF). */
    private int cell(int row, int column, int c) throws IOException, UnreadableFileException {
        cell.setLength(0);
        cellLength = 0;
        if (c != '"') {
            while (c != EOF && c != delimiter && c != '\n' && c != '\r') {
                // c is the buffer's character before position: the run of plain characters from it is taken at once
                int start = position - 1;
                int end = position;
                while (end < length && buffer[end] != delimiter && buffer[end] != '\n' && buffer[end] != '\r') {
                    end++;
                }
                appendRun(start, end - start);
                position = end;
                c = read();
            }
            return c;
        }
        while (true) {
            c = read();
            if (c == EOF) {
                throw new UnreadableFileException(row, column,
                        "the quoted cell that starts here never ends (a closing \" is missing)", null);
            }
            if (c == '"') {
                c = read();
                if (c != '"') {
                    break;
                }
            }
            append(c);
        }
        // After the closing quote: spaces, then the delimiter or the end of the line.
        while (c == ' ' || c == '\t' && delimiter != '\t') {
            c = read();
        }
        if (c != EOF && c != delimiter && c != '\n' && c != '\r') {
            throw new UnreadableFileException(row, column, "text after the closing quote of a quoted cell", null);
        }
        return c;
    }

    private void append(int c) {
        if (cellLength++ < TabularReader.MAX_CELL) {
            cell.append((char) c);
        }
    }

    /** Appends {@code n} characters of the buffer from {@code start}, within the cell's limit. */
    private void appendRun(int start, int n) {
        long room = TabularReader.MAX_CELL - cellLength;
        if (room > 0) {
            cell.append(buffer, start, (int) Math.min(room, n));
        }
        cellLength += n;
    }

    private String cellText(int row, int column) {
        if (cellLength > TabularReader.MAX_CELL) {
            handler.cellProblem(row, column, TabularReader.tooLong(cellLength));
        }
        return cell.toString();
    }

    private int read() throws IOException {
        if (position == length) {
            length = in.read(buffer, 0, buffer.length);
            position = 0;
            if (length <= 0) {
                length = 0;
                return EOF;
            }
        }
        return buffer[position++];
    }
}
