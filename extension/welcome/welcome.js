document.getElementById("h").textContent = location.href; document.body.dataset.ready="true";
