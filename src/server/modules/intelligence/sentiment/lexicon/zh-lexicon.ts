// Chinese word lists: sentiment words with a strength (1-3), negators, degree words, contrast words and emotion words.
const words = (s: string) => s.trim().split(/\s+/);

const strong = (list: string, v: number) => words(list).map((w) => [w, v] as const);

/** Sentiment words → value (positive > 0). Compounds a segmenter keeps whole (不错, 不满) are listed as they are. */
export const zhSentiment = new Map<string, number>([
  ...strong(
    `好 不错 满意 喜欢 赞 棒 好用 好吃 好看 好喝 实惠 划算 值 值得 推荐 方便 快 及时 迅速 准时 便宜 舒服 舒适 干净 整洁 清晰 流畅 稳定
     耐用 结实 精致 精美 漂亮 美观 新鲜 正品 合适 合身 贴心 热情 周到 耐心 专业 细心 友好 礼貌 靠谱 给力 实用 大方 柔软 香 可口 美味
     顺利 满分 好评 五星 点赞 高效 省心 放心 安心 清爽 轻便 简单 齐全 丰富 超值 物美价廉 性价比高 质量好 服务好 态度好 速度快 很快 挺好
     优质 优惠 喜爱 喜欢的 惊喜 开心 高兴 愉快 满足 感动 温暖 好极了 太好了 非常好 很好 不賴 不赖 实在 正宗 地道 分量足 量大 热乎`,
    1.5,
  ),
  ...strong(`完美 优秀 出色 卓越 极好 超好 超赞 一流 顶级 神器 惊艳 无可挑剔 物超所值 强烈推荐 必买 爱了 太棒了 感谢 谢谢 多谢 感激 辛苦了`, 2.5),
  ...strong(
    `差 慢 贵 坏 破 烂 假 脏 臭 凉 糊 咸 腻 卡 吵 乱 错 漏 晚 拖 问题 毛病 故障 缺陷 瑕疵
     不好 不行 不满 不满意 不值 不值得 不舒服 不方便 不新鲜 不准时 不及时 不清楚 不清晰 不稳定 不耐用 不推荐 不合适 不喜欢 不怎么样 不靠谱
     一般 一般般 凑合 失望 遗憾 可惜 后悔 郁闷 无奈 无语 麻烦 糟糕 难吃 难用 难看 难闻 粗糙 劣质 低劣 廉价 山寨 次品 残次 破损 损坏
     划痕 变形 掉色 褪色 起球 异味 刺鼻 发霉 过期 变质 漏液 死机 卡顿 发热 发烫 耗电 断网 掉线 闪退 黑屏 重启 延迟 延误 拖延 迟迟 太慢
     退货 退款 返修 投诉 差评 骗 欺骗 忽悠 敷衍 推诿 冷漠 态度差 服务差 质量差 不理 不管 不回复 没人管 没人理 太贵 偏贵 坑 坑人 上当
     浪费 白买 鸡肋 垃圾 恶心 生气 愤怒 担心 着急 焦虑 害怕 不安 受不了 受够 气死 烦 烦人 讨厌 不爽 窝火 恼火 心塞 崩溃 伤心 难过
     少了 少送 漏送 送错 发错 送晚 超时 洒了 撒了 凉了 坨了 没熟 夹生 缩水 虚假 假货 欺诈 霸王 误导 贵了`,
    -1.5,
  ),
  ...strong(`最差 极差 太差 很差 超差 奇差 垃圾 骗子 坑爹 黑心 无耻 恶劣 烂透 差劲 太烂 垃圾货 再也不 再也不会 千万别 千万不要 别买 不要买 气死了 投诉`, -2.5),
]);

/** Words that flip what follows within a few words. */
export const zhNegators = new Set(words(`不 没 没有 无 非 别 未 并不 并没有 从不 从没 从未 毫不 决不 绝不 不是 不会 不太 不怎么 不算 不够 甭 莫 勿 谈不上 算不上 称不上`));

/** Degree words → multiplier. */
export const zhDegree = new Map<string, number>([
  ...words(`非常 特别 十分 极其 极 超 超级 太 真 真的 实在 相当 格外 异常 尤其 无比 好不 巨 贼 死 最 更 更加 越来越 万分 彻底 完全 绝对 简直`).map((w) => [w, 1.8] as const),
  ...words(`很 挺 蛮 比较 还 还算 算是 颇 够`).map((w) => [w, 1.3] as const),
  ...words(`有点 有些 有一点 一点 稍 稍微 略 略微 些许 一些 不太 不大 还行 偏`).map((w) => [w, 0.6] as const),
]);

/** Words that turn the sentence: what follows weighs more. */
export const zhContrast = new Set(words(`但 但是 可是 不过 然而 只是 就是 却 可惜 偏偏 反而 但愿`));
/** Words that make what follows weigh less ("虽然… 但是…"): the clause they open is the conceded one. */
export const zhConcession = new Set(words(`虽然 虽说 尽管 固然 虽`));

/** Emotion words (a cue of each emotion, strength 1-2). */
export const zhEmotion: Record<'anger' | 'disappointment' | 'anxiety' | 'joy' | 'gratitude', Map<string, number>> = {
  anger: new Map([
    ...words(`生气 愤怒 气死 气死了 火大 恼火 窝火 气愤 愤慨 发火 受够 受够了 忍无可忍 太过分 过分 岂有此理 无耻 骗子 欺骗 欺诈 黑心 坑人 坑爹 垃圾 滚 投诉 举报 曝光 报警 律师 起诉 赔偿 什么玩意 混蛋 混账 去死 有病 破玩意 差劲 恶劣 岂 态度恶劣 骂`).map((w) => [w, 2] as const),
    ...words(`烦 烦人 讨厌 不爽 无语 敷衍 推诿 冷漠 不理 没人管 没人理 不回复 欺负 凭什么 搞什么`).map((w) => [w, 1] as const),
  ]),
  disappointment: new Map([
    ...words(`失望 太失望 大失望 遗憾 可惜 后悔 白买 不值 不值得 鸡肋 没想到 一般 一般般 凑合 不如 不怎么样 名不副实 徒有虚名 心塞 郁闷 无奈 难过 伤心 期望 期待 落差 差强人意 不及 缩水 浪费`).map((w) => [w, 1.5] as const),
  ]),
  anxiety: new Map([
    ...words(`担心 着急 焦虑 急 急死 急死了 紧急 急需 害怕 不安 慌 恐慌 紧张 怎么办 尽快 赶紧 马上 立刻 催 催促 还没 还没有 至今 迟迟 到底 究竟 何时 什么时候 多久 等了 一直 等着 担忧 忧虑 忐忑 着急了 快点`).map((w) => [w, 1.2] as const),
  ]),
  joy: new Map([
    ...words(`开心 高兴 快乐 愉快 喜欢 喜爱 爱了 惊喜 满意 满足 完美 太棒了 棒 赞 超赞 哈哈 哈哈哈 嘻嘻 幸福 激动 兴奋 惊艳 享受 舒心 美滋滋 点赞 好评 爽`).map((w) => [w, 1.2] as const),
  ]),
  gratitude: new Map([
    ...words(`谢谢 感谢 多谢 谢了 感激 感恩 辛苦了 辛苦 麻烦你了 费心 谢谢你 谢谢您 非常感谢 万分感谢 致谢 有劳`).map((w) => [w, 2] as const),
  ]),
};
