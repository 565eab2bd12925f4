package io.wamonitor.simulator.control;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The human page for the sandbox, at /phone. */
@Hidden
@Controller
class PhonePageController {

    @GetMapping({"/phone", "/phone/"})
    String phone() {
        return "forward:/phone/index.html";
    }
}
