"""An unnumbered notice (通知) for the import tests: duties and counts in plain paragraphs, no numbers."""

NOTICE = """关于加强2026年度理论学习的通知

各党支部：

为深入学习贯彻党的创新理论，推动理论学习走深走实，现就有关事项通知如下：

各党支部要把理论学习作为首要政治任务，每月至少组织一次集中学习，做好学习记录。

党员干部要坚持个人自学，每人每年撰写学习心得不少于2篇，年底前交党委办公室。

各党支部每季度向党委报告一次理论学习情况，党委办公室负责汇总。

特此通知。

中共某某局委员会
2026年3月2日
"""

# What a careful reader makes of it: one candidate item per duty paragraph, titled by its first clause.
NOTICE_ITEMS = ["各党支部要把理论学习作为首要政治任务", "党员干部要坚持个人自学", "各党支部每季度向党委报告一次理论学习情况"]
