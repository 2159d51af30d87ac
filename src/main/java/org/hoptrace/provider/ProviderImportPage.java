package org.hoptrace.provider;

import java.io.IOException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The console's CSV import: upload a file, read the report (imported rows, rejected rows with lines and reasons). */
@Controller
@RequestMapping("/providers/import")
class ProviderImportPage {

    private final ProviderImport importing;

    ProviderImportPage(ProviderImport importing) {
        this.importing = importing;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("mode", "create");
        return "providers/import";
    }

    @PostMapping
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "create") String mode,
                  Model model) throws IOException {
        boolean upsert = "upsert".equals(mode);
        model.addAttribute("mode", upsert ? "upsert" : "create");
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileProblems", java.util.List.of("choose a CSV file"));
            return "providers/import";
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        try {
            model.addAttribute("report", importing.importCsv(file.getBytes(),
                    upsert ? ProviderImport.Mode.UPSERT : ProviderImport.Mode.CREATE));
        } catch (ImportFileException e) {
            model.addAttribute("fileProblems", e.problems());
        }
        return "providers/import";
    }
}
