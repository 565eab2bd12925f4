package io.wamonitor.simulator.page;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.swagger.v3.oas.annotations.Hidden;
import io.wamonitor.simulator.network.SimException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Encodes QR text into modules for the page to draw on its canvas (WhatsApp Web draws its QR the same way). */
@Hidden
@RestController
class QrController {

    record QrRequest(String text) {}

    @PostMapping("/wa/qr-matrix")
    Map<String, Object> matrix(@RequestBody QrRequest request) {
        if (request.text() == null || request.text().isEmpty() || request.text().length() > 1000) {
            throw new SimException(HttpStatus.BAD_REQUEST, "INVALID_TEXT", "text is required (at most 1000 chars)");
        }
        try {
            BitMatrix bits = new QRCodeWriter()
                    .encode(
                            request.text(),
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.L, EncodeHintType.MARGIN, 0));
            List<String> rows = new ArrayList<>();
            for (int y = 0; y < bits.getHeight(); y++) {
                StringBuilder row = new StringBuilder();
                for (int x = 0; x < bits.getWidth(); x++) {
                    row.append(bits.get(x, y) ? '1' : '0');
                }
                rows.add(row.toString());
            }
            return Map.of("size", bits.getWidth(), "rows", rows);
        } catch (WriterException e) {
            throw new SimException(HttpStatus.BAD_REQUEST, "INVALID_TEXT", e.getMessage());
        }
    }
}
