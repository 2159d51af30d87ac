package org.hoptrace.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() {
        List<CsvReader.Row> rows = CsvReader.read("name,notes\r\n\"Acme, Inc.\",\"says \"\"hi\"\"\r\nand bye\"\r\nnext,\r\n");

        assertThat(rows).extracting(CsvReader.Row::fields).containsExactly(List.of("name", "notes"),
                List.of("Acme, Inc.", "says \"hi\"\r\nand bye"), List.of("next", ""));
        assertThat(rows).extracting(CsvReader.Row::malformed).containsOnlyNulls();
    }

    @Test
    void eachRecordKnowsTheLineItStartsOn() {
        List<CsvReader.Row> rows = CsvReader.read("a,b\n\"1\n2\n3\",x\r\n\r\nlast,y");

        assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1, 2, 5, 6);
        assertThat(rows.get(2).isBlank()).isTrue();
        assertThat(rows.get(3).fields()).containsExactly("last", "y");
    }

    @Test
    void lineBreaksMayBeCrLfLfOrCr() {
        assertThat(CsvReader.read("a\rb\nc\r\nd")).extracting(CsvReader.Row::line).containsExactly(1, 2, 3, 4);
    }

    @Test
    void aByteOrderMarkIsSkipped() {
        assertThat(CsvReader.read("\uFEFFlegal_name,country\n").get(0).fields()).containsExactly("legal_name", "country");
    }

    @Test
    void brokenQuotingIsReportedOnTheRecordNotGuessed() {
        List<CsvReader.Row> rows = CsvReader.read("a,b\n\"closed\"then,x\nsay \"hi\",y\nok,\"never closed\nz,z\n");

        assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1, 2, 3, 4);
        assertThat(rows.get(1).malformed()).isEqualTo("text after the closing quote of field 1");
        assertThat(rows.get(2).malformed()).startsWith("a quote inside unquoted field 1");
        assertThat(rows.get(3).malformed()).isEqualTo("the quote opening field 2 is never closed");
    }

    @Test
    void anEmptyTextHasNoRecords() {
        assertThat(CsvReader.read("")).isEmpty();
    }
}
