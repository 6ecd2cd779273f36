again: ${templatefile("self.tpl", {})}
